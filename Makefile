# The two commands of the README. Both set everything up on a fresh machine.
.PHONY: rehearse test setup lint

rehearse: setup  ## Replay the bundled sample stream through the bot on the embedded defaults
	.venv/bin/vtuber rehearse

test: setup lint  ## The whole test suite, with lint, types and import contracts
	bash scripts/services.sh
	bash scripts/install_obs.sh
	bash scripts/install_chromium.sh
	bash scripts/install_test_tools.sh
	bash scripts/install_train.sh
	.venv/bin/pytest

setup:
	bash scripts/setup.sh

lint:
	.venv/bin/ruff check .
	.venv/bin/ruff format --check .
	.venv/bin/mypy
	.venv/bin/lint-imports
