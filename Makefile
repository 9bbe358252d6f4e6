# Two commands for a newcomer: `make run` (set up, start the web form and API with the examples
# loaded) and `make test` (set up, run every test). Both share the virtual environment in .venv.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test test-quick test-hostile test-postgres lint lock setup bench clean

# constraints.txt pins every package to the version the tests ran with (`make lock` renews it).
$(STAMP): pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -c constraints.txt -e '.[test,postgres]'
	touch $(STAMP)

setup: $(STAMP)

run: $(STAMP)
	IKZ_DEMO=true $(BIN)/ikz serve --host 127.0.0.1 --port 8000

# Every test: the ordinary suite, the hostile corpus, and the API/web/persistence tests again on
# PostgreSQL. Without a PostgreSQL installation (outside CI) the last part is skipped with a notice;
# in CI (CI=true) a missing PostgreSQL fails the run.
test: test-quick test-hostile
	@if [ -n "$$CI" ] || [ -n "$$IKZ_TEST_POSTGRES_URL" ] || ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1 \
	  || command -v pg_ctl >/dev/null 2>&1; then $(MAKE) --no-print-directory test-postgres; \
	else echo "HINWEIS: PostgreSQL fehlt, die PostgreSQL-Läufe sind übersprungen (apt-get install postgresql)."; fi

# The tests start dozens of Python processes (servers, workers, the CLI). Their byte code is
# compiled once beforehand, so that none of them compiles the project again; this matters where
# PYTHONDONTWRITEBYTECODE is set (as in some sandboxes and CI images), which stops Python from
# keeping what it compiled. compileall writes the caches regardless, in a fraction of a second.
COMPILE := $(BIN)/python -m compileall -q -j 0 advisor api cli contracts screening

# How pytest runs: the rewritten test modules are kept (pytest's own byte-code cache, which
# PYTHONDONTWRITEBYTECODE would switch off: rewriting them costs each test process 5 s), and the
# tests' temporary files (their SQLite databases among them) lie on tmpfs where the machine has
# one with room (1 GiB free; a container's 64 MB /dev/shm is left to Chromium), so that the
# commits of some thousand test databases do not wait for the disk (unless TMPDIR names another place).
TEST_TMPDIR := $(shell [ -n "$$TMPDIR" ] && echo "$$TMPDIR" || { [ -w /dev/shm ] && [ "$$(df -Pk /dev/shm | awk 'NR==2 {print $$4}')" -ge 1048576 ] && echo /dev/shm; } 2>/dev/null || echo /tmp)
PYTEST := PYTHONDONTWRITEBYTECODE= TMPDIR=$(TEST_TMPDIR) $(BIN)/python -m pytest

# The ordinary suite alone (unit, property, German features, API, PDF, browser): under 2 minutes
# on two cores, on up to four processes (pytest-xdist; every test uses its own temporary database, free ports and,
# per process, its own server and Chromium). The hostile tests are test-hostile's, and so is
# schemathesis's pytest plugin (0.7 s of start-up for each of the three processes).
test-quick: $(STAMP) tests/oidc/node_modules/.package-lock.json
	$(COMPILE)
	$(PYTEST) -n auto --maxprocesses=4 --dist worksteal -p no:schemathesis --ignore=tests/hostile

# The OpenID Connect provider the SSO tests start; without npm those tests are skipped (not in CI).
tests/oidc/node_modules/.package-lock.json: tests/oidc/package-lock.json
	@if command -v npm >/dev/null 2>&1; then npm ci --prefix tests/oidc --no-audit --no-fund --loglevel=error; \
	else echo "npm fehlt: die SSO-Tests werden übersprungen (apt-get install nodejs npm)"; fi
# The hostile corpus, schemathesis over the OpenAPI document and the responsiveness probe
# (tests marked "hostile"; a few minutes). Part of `make test`.
test-hostile: $(STAMP)
	$(COMPILE)
	$(PYTEST) -m hostile tests/hostile

# The API, web and persistence tests a second time against PostgreSQL (pytest --postgres): a
# throw-away cluster on 127.0.0.1 (Debian's postgresql; as root the server runs as the postgres
# user), or the server named by IKZ_TEST_POSTGRES_URL. Part of `make test`.
POSTGRES_TESTS := tests/api tests/web tests/identity tests/screening tests/kosten tests/persistence tests/review tests/register
test-postgres: $(STAMP)
	$(COMPILE)
	$(PYTEST) --postgres $(POSTGRES_TESTS)

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

# Renew the pins after changing a dependency in pyproject.toml: install without the old pins, then
# record what pip chose (the project itself is left out; pip is not pinned).
lock:
	$(BIN)/pip install --quiet --upgrade -e '.[test,postgres]'
	{ echo "# Pinned versions for make setup and CI (pip install -c); renewed by make lock."; \
	  $(BIN)/pip freeze --exclude-editable --exclude pip | LC_ALL=C sort -f; } > constraints.txt

bench: $(STAMP)
	$(BIN)/python benchmarks/run.py

clean:
	rm -rf $(VENV) .pytest_cache build *.egg-info
