# variants.sh: sourced by tests. make_variants N DIR writes DIR/1.eml ..
# DIR/N.eml, each an interview invitation from another company (own
# Message-ID, subject and domain), all due for a thank-you on 2026-03-03.
make_variants() {
	mkdir -p "$2"
	for v in $(seq 1 "$1"); do
		sed -e "s/^Message-ID: .*/Message-ID: <inv$v.var@mail.company$v.example>/" \
		    -e "s/^Subject: .*/Subject: Interview for Data Engineer $v/" \
		    -e "s/northwind\.example/company$v.example/g" \
			"$TESTS_DIR/mail/ex1-invite.eml" >"$2/$v.eml"
	done
}
