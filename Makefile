# Thin wrappers: tasks.py holds the logic so a machine without make runs the same commands.
PYTHON ?= python3

.PHONY: build test bench env clean

build:
	$(PYTHON) tasks.py build

test:
	$(PYTHON) tasks.py test

bench:
	$(PYTHON) tasks.py bench

env:
	$(PYTHON) tasks.py env

clean:
	rm -rf .venv .pytest_cache .hypothesis _build
