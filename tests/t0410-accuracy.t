#!/bin/sh
# The classifier's figures (make accuracy) held where they honestly stand:
# the real recruiter mail and our labelled examples, and no false positive
# on the SpamAssassin everyday mail and spam; and,
# separately, the held-out sets (tests/corpus/heldout to heldout4), which
# neither the rules nor the model were written or trained on: the figures
# that judge them.
. "$(dirname "$0")/lib.sh"

printf "[user]\naddresses = candidate@example.org\ntimezone = Europe/Berlin\n" >"$NUDGE_HOME/config"

# With batch 12 (lb-683 to lb-822) and the fourth round's rules: precision
# 0.998, recall 0.995, stage 0.996 (906 of 910), interview dates 0.985 (133
# of 135: both misses are invitations left none on purpose), decision
# dates 0.990 (104 of 105). Before that round, batch 12 in and
# main's rules: 0.990, 0.962, 0.955, 0.904, 0.952. Batch 13 (lb-823 to
# lb-962) moved in unseen: 0.993, 0.965, 0.967 (1015 of 1050), 0.957,
# 0.935. The fifth round's date work: decision dates 0.935 -> 0.976 (120
# of 123; lb-951's label made like lb-383's). Its rules for batch 13's
# families and the model retrained (lift 1.4, choose 1.5): precision
# 0.999, recall 0.994, stage 0.995 (1045 of 1050; left: two do-not-contact
# notes inside automated receipts, two invitations left none on purpose, a
# real-dev rejection labelled none). Batch 14 (lb-963 to lb-1102) moved in
# unseen: 0.993, 0.964, 0.963 (1146 of 1190), 0.937, 0.962. The sixth
# round's date work: decision dates 0.962 -> 0.977 ("tell you by Friday",
# "the call the day after" the 20th). Its rules for batch 14's families:
# precision 0.999, recall 0.996, stage 0.996 (1185 of 1190, 1180 with the
# rules alone; left: an acceptance written below the quote, a
# do-not-contact note inside a receipt, the two invitations left none on
# purpose, cr-082). Both rounds together: interview dates 0.989 (188 of
# 190), decision dates 0.992 (130 of 131). Batch 15 (lb-1103 to lb-1242)
# moved in unseen: 0.996, 0.974, 0.967 (1286 of 1330), 0.950, 0.947. The
# fifth session's model, with more say and trained on batch 15: 0.996,
# 0.997, 0.989 (1316), 0.986, 0.959. Batch 16 (lb-1243 to lb-1382) moved
# in unseen: 0.987, 0.989, 0.975 (1433 of 1470), 0.955, 0.928. The
# seventh round's date work (from batch 15, before batch 16 and the new
# model came in): interview dates 0.950 -> 0.954 (208 of 218), decision
# dates 0.947 -> 0.973 (144 of 148: "by the end of that week", "am Tag
# danach", "not before mid-March" and "nicht vor Juli" no date); with
# batch 16 and the new model in, 0.955 -> 0.963 (237 of 246) and 0.928 ->
# 0.951 (156 of 164), none of it from batch 16 itself. The eighth round's
# date and facts work (from batch 16): interview dates 0.963 -> 0.967 (238
# of 246), decision dates 0.951 -> 0.982 (161 of 164); batch 16 alone 20
# -> 21 of 28 (the 7 left are invitations the stage reads as none or
# offer) and 12 -> 17 of 18.
# The seventh round's rules for batches 15 and 16 (hard negatives for
# everyday mail with the words of hiring, tradespeople's notes, academic and
# exam selection, brief acceptances): 0.999, 0.997, 0.995 (1462 of 1470),
# 0.976, 0.933; with the model retrained on batch 16: 0.999, 0.998, 0.996
# (1464), 0.980, 0.933.
test_expect_success 'precision, recall, stage and date accuracy stay where they stand' '
	perl "$SRC_DIR/tools/accuracy.pl" "$NUDGE_BIN" \
		--min precision=0.99 --min recall=0.99 --min stage=0.99 \
		--min interview_date=0.97 --min decision_date=0.98 \
		--min ham_false_positive=0 \
		"$CORPUS/real-dev" "$TESTS_DIR/corpus/labelled" -- \
		"$CORPUS/ham/easy-ham-1" "$CORPUS/ham/hard-ham-1" "$CORPUS/ham/spam-1" >report;
	rc=$?; sed "s/^/# /" report; test $rc -eq 0
'

# Before the model (rules alone): precision 0.962, recall 0.823, stage 0.859.
# NUDGE_NO_HELDOUT=1 leaves this part out, for engineers who must not see
# the held-out set's figures while they work on the classifier.
if test -n "${NUDGE_NO_HELDOUT:-}"; then
	test_skip 'held-out mail (NUDGE_NO_HELDOUT is set)'
else
# held_out NAME DIR MINIMUMS...: one held-out set's figures, kept where they
# stand.
held_out() {
	name=$1 dir=$2; shift 2
	test_expect_success "$name: figures stay where they stand" "
		perl \"\$SRC_DIR/tools/accuracy.pl\" \"\$NUDGE_BIN\" $* \"$dir\" >report;
		rc=\$?; sed 's/^/# /' report; test \$rc -eq 0
	"
}
# The first held-out set lost one message of recall (0.968 -> 0.952) to the
# second round of phrase families, won it back in the third, lost it again
# in the fourth and won it back in the sixth (0.968, 0.968, 0.957); the
# fifth session's model change left it there; the fifth session's end
# (rounds 7 and 8, the model retrained): 0.968, 0.984, 0.967.
held_out 'held-out mail' "$TESTS_DIR/corpus/heldout" \
	--min precision=0.96 --min recall=0.96 --min stage=0.95 \
	--min interview_date=1.00 --min decision_date=0.50
# tests/corpus/heldout2: written blind (its author never saw the classifier,
# its rules or the other sets); measured after each round of classifier
# work, never read. Before them: precision 0.928, recall 0.762, stage 0.769;
# after the sixth round 1.000, 0.964, 0.954; after the fifth session gave
# the model more say 1.000, 0.988, 0.977; at the fifth session's end
# (rounds 7 and 8, the model retrained) 1.000, 0.976, 0.962.
held_out 'second held-out set' "$TESTS_DIR/corpus/heldout2" \
	--min precision=0.99 --min recall=0.97 --min stage=0.96 \
	--min interview_date=0.94 --min decision_date=1.00
# tests/corpus/heldout3: written blind in the third session, measured with
# the second round's rules (precision 0.987, recall 0.826, stage 0.838,
# interview dates 0.840, decision dates 0.706), after the third round
# (0.988, 0.870, 0.854, 0.840, 0.688), after the fourth (0.988, 0.902,
# 0.885, 0.840, 0.750) and after the sixth (0.988, 0.891, 0.877, 0.880,
# 0.733: one message of recall and one decision date fewer) and after the
# fifth session gave the model more say (0.989, 0.935, 0.908, 0.920,
# 0.733), and after the seventh round of date work (interview dates 23 of
# 26: one date given where the label has none), and at the session's end
# (rounds 7 and 8, the model retrained: 0.988, 0.924, 0.900, 0.885,
# 0.800); nobody has read its mail or its misses.
held_out 'third held-out set' "$TESTS_DIR/corpus/heldout3" \
	--min precision=0.98 --min recall=0.92 --min stage=0.90 \
	--min interview_date=0.88 --min decision_date=0.80
# tests/corpus/heldout4: written blind at the end of the third session,
# measured after the fourth round (0.926, 0.833, 0.769, 0.625, 0.692) and
# after the sixth (0.940, 0.878, 0.808, 0.792, 0.769) and after the fifth
# session gave the model more say (0.945, 0.956, 0.869, 0.917, 0.769) and
# at the session's end (rounds 7 and 8, the model retrained: 0.954, 0.922,
# 0.862, 0.875, 0.769); nobody has read its mail or misses.
held_out 'fourth held-out set' "$TESTS_DIR/corpus/heldout4" \
	--min precision=0.95 --min recall=0.92 --min stage=0.86 \
	--min interview_date=0.87 --min decision_date=0.76
# tests/corpus/heldout5: written blind at the start of the fourth session by
# a writer unlike the earlier ones, measured once, after the sixth round;
# nobody has read its mail or misses. Measured a second time after the
# fifth session gave the model more say (figures only): precision 0.959 ->
# 0.950, recall 0.789 -> 0.844, stage 0.800 -> 0.831, interview dates 0.731
# -> 0.769, decision dates 0.625 -> 0.600 (9 of 15); at the session's end
# (rounds 7 and 8, the model retrained): 0.975, 0.856, 0.862, 0.846, 0.667.
held_out 'fifth held-out set' "$TESTS_DIR/corpus/heldout5" \
	--min precision=0.97 --min recall=0.85 --min stage=0.86 \
	--min interview_date=0.84 --min decision_date=0.66
# tests/corpus/heldout6: written blind at the end of the fourth session by
# a writer unlike the earlier ones, measured once, at the end of the fifth
# (after rounds 7 and 8 and the model's larger say); nobody has read its
# mail or misses.
held_out 'sixth held-out set' "$TESTS_DIR/corpus/heldout6" \
	--min precision=1.00 --min recall=0.88 --min stage=0.90 \
	--min interview_date=0.88 --min decision_date=0.64
fi
test_done
