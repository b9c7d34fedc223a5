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

## Generate records from the sample cases of every jurisdiction and validate them; send one
## pupil's file to school A as a signed, encrypted dossier; verify and open it there.
demo: build
	@rm -rf $(OUT)/records $(OUT)/pupil-file $(OUT)/dossiers $(OUT)/received
	@$(BIN) generate Samples/cases -o $(OUT)/records
	@echo
	@$(BIN) validate $(OUT)/records | tail -n 1
	@echo
	@[ -f $(KEYS)/root.pem ] || $(BIN) keys init $(KEYS)
	@$(BIN) generate Samples/cases/IT-MO/case-01.json -o $(OUT)/pupil-file > /dev/null
	@$(BIN) dossier pack --sign-cert $(KEYS)/office.pem --sign-key $(KEYS)/office.key --recipient $(KEYS)/school-a.pem \
		-o $(OUT)/dossiers/IT-MO-pupil.asice $(OUT)/pupil-file
	@echo
	@$(BIN) dossier open $(OUT)/dossiers/IT-MO-pupil.asice --ca $(KEYS)/root.pem --key $(KEYS)/school-a.key -o $(OUT)/received/school-a
	@echo
	@echo "Records are in $(OUT)/records/; the dossier in $(OUT)/dossiers/, opened by school A in $(OUT)/received/school-a/;"
	@echo "demo keys (not for real use) in $(KEYS)/. All of $(OUT)/ is ignored by git."

test: deps
	@$(SWIFT) build -q --build-tests
	@$(SWIFT) test -q --skip-build

## Release build; generate and validate 10,000 records (vs xmllint); pack, verify and open a
## 100 MB dossier (vs openssl cms + 7z).
benchmark: deps
	@$(SWIFT) build -q -c release
	@INCLUSIO=.build/release/inclusio ./Benchmarks/generate-validate.py
	@./Benchmarks/dossier.py --binary .build/release/inclusio

clean:
	@rm -rf .build $(OUT)
