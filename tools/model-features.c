/*
 * model-features FILE...: the features classify() gives the statistical
 * model for each message, one line per file: the file name, then each
 * feature, tab-separated. tools/train-model reads this to train the model
 * on exactly what the classifier sees.
 */
#include <stdio.h>

#include <gmime/gmime.h>

#include "classify.h"
#include "message.h"
#include "text.h"

int main(int argc, char **argv)
{
	int ret = 0;

	g_mime_init();
	for (int i = 1; i < argc; i++) {
		g_autoptr(GError) e = NULL;
		g_autofree char *buf = NULL;
		g_autofree char *fresh = NULL;
		g_autofree char *quoted = NULL;
		g_autoptr(GPtrArray) feats = NULL;
		struct classify_input in = { 0 };
		struct nudge_msg *m = NULL;
		gsize len;

		if (!g_file_get_contents(argv[i], &buf, &len, &e) ||
		    msg_parse(buf, len, &m, &e) < 0) {
			fprintf(stderr, "model-features: %s: %s\n", argv[i], e->message);
			ret = 1;
			continue;
		}
		quote_split(m->text ? m->text : "", &fresh, &quoted);
		in.subject = m->subject;
		in.fresh = fresh;
		feats = classify_features(&in);
		fputs(argv[i], stdout);
		for (guint j = 0; j < feats->len; j++)
			printf("\t%s", (const char *)feats->pdata[j]);
		putchar('\n');
		msg_free(m);
	}
	g_mime_shutdown();
	return ret;
}
