# Inclusio: `make demo` and `make test` are all a fresh Debian 12 machine with Swift needs.
SWIFT ?= swift
BIN = .build/debug/inclusio
OUT = Output

.PHONY: demo test build deps benchmark clean

deps:
	@./Tools/ensure-debian-packages

build: deps
	@$(SWIFT) build -q

KEYS = $(OUT)/keys

ARCHIVE = --path $(OUT)/archive
AS_OFFICE = $(ARCHIVE) --as office --key $(KEYS)/office.key
AS_HEAD = $(ARCHIVE) --as head-mo-1 --key $(KEYS)/school-a.key
AS_TEACHER = $(ARCHIVE) --as teacher-mo-2 --key $(KEYS)/school-b.key
AS_ADMIN = $(ARCHIVE) --as admin --passphrase-file $(KEYS)/admin.passphrase
AS_AUDITOR = $(ARCHIVE) --as auditor --passphrase-file $(KEYS)/auditor.passphrase
SCHOOL = --path $(OUT)/school-archive
AS_SCHOOL_HEAD = $(SCHOOL) --as head-a --key $(KEYS)/school-a.key
AS_SCHOOL_ADMIN = $(SCHOOL) --as admin --passphrase-file $(KEYS)/admin.passphrase
SERVED = --path $(OUT)/served-archive
CUSTODIAN = --custodian-passphrase-file $(KEYS)/custodian.passphrase
SERVED_ADMIN = $(SERVED) --as admin --passphrase-file $(KEYS)/admin.passphrase $(CUSTODIAN)
TRANSFER = $(OUT)/transfer
SEND = --to $(KEYS)/school-a.pem --sign-cert $(KEYS)/office.pem $(AS_OFFICE)
RECEIVE = --ca $(KEYS)/root.pem --sign-cert $(KEYS)/school-a.pem $(AS_SCHOOL_HEAD) --purpose transfer

## Generate records from the sample cases of every jurisdiction and validate them; print them as
## PDF through the forms of their jurisdiction (and the placement letters as one merged PDF); send one
## pupil's file to school A as a signed, encrypted dossier; verify and open it there; file
## everything in a confidential archive and look it up as operators with different scopes; show what is due by
## the jurisdictions' deadlines;
## then audit: verify the access log, export a checkpoint, prove an entry, report on a pupil;
## then graduation: send the sample pupils' files to school A, receive them into its own archive, confirm;
## then a served archive: inclusio serve holds its key, operators reach it with --server and their certificate;
## then apply the rules: a placement check, a school check, a merger allocation and a staff request card.
demo: build
	@rm -rf $(OUT)/records $(OUT)/pdf $(OUT)/pupil-file $(OUT)/dossiers $(OUT)/received $(OUT)/archive $(OUT)/audit \
		$(OUT)/school-archive $(OUT)/transfer $(OUT)/served-archive
	@$(BIN) generate Samples/cases -o $(OUT)/records
	@echo
	@$(BIN) validate $(OUT)/records | tail -n 1
	@echo
	@$(BIN) render $(OUT)/records -o $(OUT)/pdf | head -n 1
	@$(BIN) render $(OUT)/records/placement-*.xml --merge $(OUT)/pdf/all-placement-letters.pdf
	@echo "The PDFs are in $(OUT)/pdf/ (one per record, named like the records; all placement letters in all-placement-letters.pdf)."
	@echo
	@[ -f $(KEYS)/root.pem ] || $(BIN) keys init $(KEYS)
	@$(BIN) generate Samples/cases/IT-MO/case-01.json -o $(OUT)/pupil-file > /dev/null
	@$(BIN) dossier pack --sign-cert $(KEYS)/office.pem --sign-key $(KEYS)/office.key --recipient $(KEYS)/school-a.pem \
		-o $(OUT)/dossiers/IT-MO-pupil.asice $(OUT)/pupil-file
	@echo
	@$(BIN) dossier open $(OUT)/dossiers/IT-MO-pupil.asice --ca $(KEYS)/root.pem --key $(KEYS)/school-a.key -o $(OUT)/received/school-a
	@echo
	@[ -f $(KEYS)/admin.passphrase ] || (umask 077; openssl rand -hex 16 > $(KEYS)/admin.passphrase)
	@[ -f $(KEYS)/auditor.passphrase ] || (umask 077; openssl rand -hex 16 > $(KEYS)/auditor.passphrase)
	@$(BIN) archive init $(ARCHIVE) --admin-passphrase-file $(KEYS)/admin.passphrase
	@$(BIN) archive enrol office --cert $(KEYS)/office.pem $(AS_ADMIN)
	@$(BIN) archive enrol head-mo-1 --cert $(KEYS)/school-a.pem $(AS_ADMIN)
	@$(BIN) archive enrol teacher-mo-2 --cert $(KEYS)/school-b.pem $(AS_ADMIN)
	@$(BIN) archive enrol auditor --new-passphrase-file $(KEYS)/auditor.passphrase $(AS_ADMIN)
	@$(BIN) archive ingest $(OUT)/records $(AS_OFFICE) --purpose filing | tail -n 3
	@echo "  …"
	@$(BIN) archive ingest $(OUT)/dossiers/IT-MO-pupil.asice $(AS_HEAD) --ca $(KEYS)/root.pem --purpose filing
	@echo
	@echo "School A's head sees only the pupils of school A:"
	@$(BIN) archive list $(AS_HEAD) --purpose annual-review
	@echo
	@echo "School B's support teacher asks for a pupil of school A:"
	@$(BIN) archive show --pupil RSSLCU20B17X000S $(AS_TEACHER) --purpose annual-review || true
	@echo
	@echo "A purpose typed as free text (here a pupil's name) is refused, so it never enters the log:"
	@$(BIN) archive list $(AS_HEAD) --purpose "Rossi Luca, review" || true
	@echo
	@echo "School A's head prints the pupil's PEI from the archive for the class council (case MO-2026-0017):"
	@mkdir -p $(OUT)/audit
	@$(BIN) archive render MO-2026-0001-PEI -o $(OUT)/audit/pei-from-archive.pdf $(AS_HEAD) --purpose annual-review:MO-2026-0017
	@echo
	@echo "School A's head asks what is due on 1 May 2027 (Rules/IT-MO/deadlines.xml, judged from the dates the archive holds):"
	@$(BIN) due --on 2027-05-01 $(AS_HEAD) --purpose deadlines
	@echo
	@echo "The office prints the deadlines of every school on 10 January 2027 (one page) and keeps every finding as CSV:"
	@$(BIN) due --on 2027-01-10 -o $(OUT)/audit/due-dates.pdf $(AS_OFFICE) --purpose deadlines
	@$(BIN) due --on 2027-01-10 -o $(OUT)/audit/due-dates.csv $(AS_OFFICE) --purpose deadlines
	@echo
	@$(BIN) archive check $(ARCHIVE)
	@echo
	@echo "The auditor verifies the access log, keeps a checkpoint and proves entry 5 is in it:"
	@$(BIN) audit verify $(AS_AUDITOR) --purpose audit
	@$(BIN) audit checkpoint -o $(OUT)/audit/checkpoint.note --public-key $(OUT)/audit/checkpoint-key.pem $(AS_AUDITOR)
	@$(BIN) audit prove --entry 5 --checkpoint $(OUT)/audit/checkpoint.note -o $(OUT)/audit/proof-5.json $(AS_AUDITOR)
	@./Benchmarks/verify_inclusion.py $(OUT)/audit/proof-5.json $(OUT)/audit/checkpoint.note
	@echo
	@echo "A guardian asks who opened their child's file (report in Italian, Rome time):"
	@$(BIN) audit report --pupil RSSLCU20B17X000S $(AS_AUDITOR) --purpose guardian-request:MO-2026-0042 -o $(OUT)/audit/pupil-report.csv
	@$(BIN) audit report --pupil RSSLCU20B17X000S $(AS_AUDITOR) --purpose guardian-request:MO-2026-0042 -o $(OUT)/audit/pupil-report.pdf
	@$(BIN) audit report --pupil RSSLCU20B17X000S $(AS_AUDITOR) --purpose guardian-request:MO-2026-0042 | cut -c1-150
	@$(BIN) audit chart -o $(OUT)/audit/accesses.png $(AS_AUDITOR) --purpose audit
	@echo
	@echo "Graduation: the office sends the files of school MOIC80000X's pupils who finish primary school in 2031 to Demo School A:"
	@$(BIN) transfer prepare --school MOIC80000X --graduating 2031 -o $(TRANSFER)/IT-MO-2031 $(SEND) --purpose transfer
	@echo
	@echo "Two Fujian pupils go to Demo School A too; one file lacks its certificate and is held back:"
	@$(BIN) transfer prepare --pupil 350000202003080022 --pupil 350000201811200139 -o $(TRANSFER)/CN-FJ $(SEND) --purpose transfer || true
	@echo "…then sent as it is, with the gap declared in the dossier and the register (交接清单):"
	@$(BIN) transfer prepare --pupil 350000202003080022 --pupil 350000201811200139 -o $(TRANSFER)/CN-FJ $(SEND) --purpose transfer \
		--allow-incomplete
	@echo
	@echo "Demo School A receives both batches into its own archive and signs a receipt for each:"
	@$(BIN) archive init $(SCHOOL) --policy Samples/policies/receiving-school.xml --admin-passphrase-file $(KEYS)/admin.passphrase > /dev/null
	@$(BIN) archive enrol head-a --cert $(KEYS)/school-a.pem $(AS_SCHOOL_ADMIN) > /dev/null
	@$(BIN) archive enrol auditor --new-passphrase-file $(KEYS)/auditor.passphrase $(AS_SCHOOL_ADMIN) > /dev/null
	@$(BIN) transfer receive $(TRANSFER)/IT-MO-2031 -o $(TRANSFER)/receipts-IT-MO-2031 $(RECEIVE)
	@$(BIN) transfer receive $(TRANSFER)/CN-FJ -o $(TRANSFER)/receipts-CN-FJ $(RECEIVE)
	@echo
	@echo "Back at the office, the receipts are matched to the registers:"
	@$(BIN) transfer confirm $(TRANSFER)/receipts-IT-MO-2031 --register $(TRANSFER)/IT-MO-2031/handover-register.xml --ca $(KEYS)/root.pem
	@$(BIN) transfer confirm $(TRANSFER)/receipts-CN-FJ --register $(TRANSFER)/CN-FJ/handover-register.xml --ca $(KEYS)/root.pem
	@echo "Both access logs verify, each with one entry per pupil sent (office: transfer) and received (school: import):"
	@$(BIN) audit verify $(AS_AUDITOR) --purpose audit
	@$(BIN) audit verify $(SCHOOL) --as auditor --passphrase-file $(KEYS)/auditor.passphrase --purpose audit
	@echo
	@echo "The office runs a served archive: its key stays with the service (unlocked by the custodians' passphrase),"
	@echo "operators reach it with their certificate only (inclusio serve; the command line as its client):"
	@[ -f $(KEYS)/server.pem ] || (echo "Output/keys predates the service's certificate: remove Output/keys and run make demo again." >&2; exit 1)
	@[ -f $(KEYS)/custodian.passphrase ] || (umask 077; openssl rand -hex 16 > $(KEYS)/custodian.passphrase)
	@$(BIN) archive init $(SERVED) --custody service $(CUSTODIAN) --admin-passphrase-file $(KEYS)/admin.passphrase > /dev/null
	@$(BIN) archive enrol office --cert $(KEYS)/office.pem $(SERVED_ADMIN) > /dev/null
	@$(BIN) archive enrol teacher-mo-2 --cert $(KEYS)/school-b.pem $(SERVED_ADMIN) > /dev/null
	@port=$$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'); \
	$(BIN) serve $(SERVED) --listen 127.0.0.1:$$port --tls-cert $(KEYS)/server.pem --tls-key $(KEYS)/server.key \
		--client-ca $(KEYS)/root.pem --unlock-passphrase-file $(KEYS)/custodian.passphrase > $(OUT)/served-archive.log 2>&1 & pid=$$!; \
	trap 'kill $$pid 2> /dev/null' EXIT; \
	for i in $$(seq 50); do grep -q Serving $(OUT)/served-archive.log 2> /dev/null && break; sleep 0.2; done; \
	sed -n 1p $(OUT)/served-archive.log; \
	server="--server https://127.0.0.1:$$port --server-ca $(KEYS)/root.pem"; \
	$(BIN) archive ingest $(OUT)/records $$server --cert $(KEYS)/office.pem --key $(KEYS)/office.key \
		--purpose filing | tail -n 2 && echo "  …" && \
	echo "School B's support teacher asks the service for a pupil of school A, and for an id that is in no file (the same answer, both logged):" && \
	{ $(BIN) archive show --pupil RSSLCU20B17X000S $$server --cert $(KEYS)/school-b.pem --key $(KEYS)/school-b.key --purpose annual-review || true; } && \
	{ $(BIN) archive show --pupil RSSXXX20B17X000S $$server --cert $(KEYS)/school-b.pem --key $(KEYS)/school-b.key --purpose annual-review || true; } && \
	echo "A copy of the folder opens for no operator: keys/ holds no operator key ($$(ls $(OUT)/served-archive/keys/operators | tr '\n' ' '))."
	@echo
	@echo "Rules (Rules/<jurisdiction>/rules.xml): what the criteria table of seed 002 §3 allows for a sample case,"
	@echo "a Chinese school's classes against seed 000 §4, §11, §20, and a Japanese merger allocation (seed 004 II.3):"
	@$(BIN) check placement Samples/cases/JP-11/case-01.json
	@echo
	@$(BIN) check school Samples/schools/CN-FJ/school-01.csv
	@echo
	@$(BIN) allocation merger --level primary --before 12,10 --after 19
	@echo
	@echo "The staff request card of a Modena school, gathered from its pupils' records (seed 003 Art.11 B.2):"
	@$(BIN) allocation staff-request $(OUT)/records --school MOIC80000X --year 2027/2028
	@echo
	@echo "Records are in $(OUT)/records/, their PDFs in $(OUT)/pdf/; the dossier in $(OUT)/dossiers/, opened by school A in $(OUT)/received/school-a/;"
	@echo "the archive in $(OUT)/archive/ (access log: $(OUT)/archive/log/access.jsonl);"
	@echo "the PEI printed from the archive, the due dates (PDF, CSV), the audit checkpoint, proof, pupil report (CSV, PDF) and access chart in $(OUT)/audit/;"
	@echo "the graduation transfers (dossiers, handover registers as XML, signature and PDF, receipts) in $(TRANSFER)/, school A's archive in $(OUT)/school-archive/;"
	@echo "the served archive (keys with the service only) in $(OUT)/served-archive/, what its service printed in $(OUT)/served-archive.log;"
	@echo "demo keys and the admin and custodians' passphrases (not for real use) in $(KEYS)/. All of $(OUT)/ is ignored by git."

test: deps
	@$(SWIFT) build -q --build-tests
	@$(SWIFT) test -q --skip-build

## Release build; generate and validate 10,000 records (vs xmllint); pack, verify and open a
## 100 MB dossier (vs openssl cms + 7z); ingest, check and look up 2,000 documents in an archive;
## judge the deadlines of an archive of 100,000 documents (inclusio due);
## append, verify and prove on a 1,000,000-entry access log (vs openssl speed sha256), and witness round trips;
## print 1,000 placement letters, one PDF each and merged (vs Apache FOP);
## transfer 300 pupils x 8 documents at graduation (prepare, then receive into a school's archive);
## 10,000 `archive show` requests to `inclusio serve` from 16 clients (vs one CLI process per show).
benchmark: deps
	@$(SWIFT) build -q -c release
	@INCLUSIO=.build/release/inclusio ./Benchmarks/generate-validate.py
	@./Benchmarks/dossier.py --binary .build/release/inclusio
	@./Benchmarks/archive.py --binary .build/release/inclusio
	@./Benchmarks/due.py --binary .build/release/inclusio
	@./Benchmarks/audit_log.py
	@./Benchmarks/render.py
	@./Benchmarks/transfer.py --binary .build/release/inclusio
	@./Benchmarks/serve.py --binary .build/release/inclusio

clean:
	@rm -rf .build $(OUT)
