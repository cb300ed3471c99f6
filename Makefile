# The two commands a newcomer needs: `make demo` and `make test`. Each creates .venv on its own.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: install demo test clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[test]'
	touch $(STAMP)

install: $(STAMP)

## demo: check the bundled example articles and regenerate their review report in reports/ (its
## last line names the page to open); also regenerates docs/rules.md and tqcheck/shipped_index.json
demo: install
	$(BIN)/tqcheck rules --all --format markdown > docs/rules.md
	$(BIN)/python -m tqcheck.cli.build_index
	$(BIN)/tqcheck check --exit-zero examples/
	rm -f reports/*.html
	$(BIN)/tqcheck report examples -o reports

## test: run the test suite
test: install
	$(BIN)/python -m pytest

## eval: measure the default rules against a corpus (MQM per language pair, alone and with sources; DEMETR;
## how the score ranks systems) and regenerate docs/evaluation.md; `tqcheck eval --lp en-de --mode sources` for a slice
.PHONY: eval
eval: install
	@test -n "$(CORPUS)" || { echo "usage: make eval CORPUS=/path/to/corpus (with mqm/ and demetr/)"; exit 2; }
	$(BIN)/tqcheck eval $(CORPUS) --format markdown --output docs/evaluation.md

## calibrate: fit the score's weights on the corpus's dev MQM sets (tqcheck/scoring/data/score.yml), then
## regenerate docs/evaluation.md and the demo (whose scores and signatures change with the weights)
.PHONY: calibrate
calibrate: install
	@test -n "$(CORPUS)" || { echo "usage: make calibrate CORPUS=/path/to/corpus (with mqm/)"; exit 2; }
	$(BIN)/tqcheck eval $(CORPUS) --calibrate
	$(MAKE) eval CORPUS=$(CORPUS)
	$(MAKE) demo

## fuzz: coverage-guided fuzzing of the reader and every rule (atheris, FUZZ_SECONDS, default 600), then
## the super-linear rule hunt; both also outside the test suite because they take minutes
FUZZ_SECONDS ?= 600
.PHONY: fuzz
fuzz: install
	$(BIN)/python -m pip install --quiet --disable-pip-version-check 'atheris>=2.3'
	rm -rf .fuzz && $(BIN)/python fuzz/seed_corpus.py .fuzz/corpus
	$(BIN)/python fuzz/fuzz_reader.py -max_total_time=$(FUZZ_SECONDS) -timeout=20 -rss_limit_mb=4096 \
		-artifact_prefix=.fuzz/ .fuzz/corpus
	$(BIN)/python fuzz/stress_rules.py

## bench: words/s, articles/s and peak RSS against pofilter, --jobs speed-up, cached re-run and
## start-up over a corpus (the README's Performance table); takes about 15 minutes
.PHONY: bench
bench: install
	@test -n "$(CORPUS)" || { echo "usage: make bench CORPUS=/path/to/corpus (with wmt*/ folders)"; exit 2; }
	$(BIN)/python bench/benchmark.py $(CORPUS) --runs 3 --markdown bench/results.md --readme README.md

clean:
	rm -rf $(VENV) .pytest_cache .fuzz .tqcheck_cache
