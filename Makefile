# The two commands of the quick start: `make demo` and `make test`.
.PHONY: setup demo test bench

setup:
	bash scripts/setup.sh

demo: setup
	.venv/bin/chidao ingest examples/ --db sqlite:///chidao-demo.db

test: setup
	bash scripts/test.sh
