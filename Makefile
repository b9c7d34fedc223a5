# Inclusio: `make demo` and `make test` are all a fresh Debian 12 machine with Swift needs.
SWIFT ?= swift
BIN = .build/debug/inclusio
OUT = Output

.PHONY: demo test build deps benchmark clean

deps:
	@./Tools/ensure-debian-packages

build: deps
	@$(SWIFT) build -q

## Generate records from the sample cases of every jurisdiction, validate them, say where they are.
demo: build
	@rm -rf $(OUT)/records
	@$(BIN) generate Samples/cases -o $(OUT)/records
	@echo
	@$(BIN) validate $(OUT)/records | tail -n 1
	@echo
	@echo "Records are in $(OUT)/records/ (ignored by git)."

test: deps
	@$(SWIFT) build -q --build-tests
	@$(SWIFT) test -q --skip-build

## Generate and validate 10,000 records from a CSV (release build); compare our validator with xmllint.
benchmark: deps
	@$(SWIFT) build -q -c release
	@INCLUSIO=.build/release/inclusio ./Benchmarks/generate-validate.py

clean:
	@rm -rf .build $(OUT)
