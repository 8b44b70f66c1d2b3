# Tech-news digest: build, serve, test and publish the site (pelican-quickstart style).
# Every target that needs Python creates .venv from requirements.txt on first use,
# and again whenever requirements.txt or pyproject.toml changes.

PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
PELICAN := $(BIN)/pelican

BASEDIR := $(CURDIR)
INPUTDIR := $(BASEDIR)/content
OUTPUTDIR ?= $(BASEDIR)/output
CONFFILE := $(BASEDIR)/pelicanconf.py
PUBLISHCONF := $(BASEDIR)/publishconf.py
PORT ?= 8000
BIND ?= 127.0.0.1
JOBS ?=
PELICANOPTS ?=

# Upload targets (make rsync_upload / make github).
SSH_HOST ?=
SSH_PORT ?= 22
SSH_USER ?=
SSH_TARGET_DIR ?=
GITHUB_PAGES_BRANCH ?= gh-pages

.DEFAULT_GOAL := help

help:
	@echo 'Tech-news digest'
	@echo ''
	@echo 'Usage:'
	@echo '   make serve [PORT=8000]       build from content/ and serve at http://localhost:PORT'
	@echo '   make html                    (re)generate the site into output/'
	@echo '   make clean                   remove output/ and caches'
	@echo '   make regenerate              regenerate files upon modification'
	@echo '   make devserver [PORT=8000]   serve and regenerate together'
	@echo '   make ingest [JOBS=N]         raw pages (content/raw) -> posts (content/posts) only'
	@echo '   make publish                 production build; set SITEURL=https://your.site'
	@echo '   make rsync_upload            publish, then upload over rsync+ssh (SSH_HOST, SSH_USER, SSH_TARGET_DIR)'
	@echo '   make github                  publish, then push output/ to the $(GITHUB_PAGES_BRANCH) branch'
	@echo '   make test                    run the test suite (installs what it needs)'
	@echo '   make bench                   run the benchmarks in bench/'
	@echo ''

$(STAMP): requirements.txt pyproject.toml
	@test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	@touch $@

venv: $(STAMP)

html: $(STAMP)
	$(PELICAN) "$(INPUTDIR)" -o "$(OUTPUTDIR)" -s "$(CONFFILE)" $(PELICANOPTS)

clean:
	rm -rf "$(OUTPUTDIR)" "$(BASEDIR)/__pycache__" "$(BASEDIR)/.pytest_cache" "$(BASEDIR)/cache"

regenerate: $(STAMP)
	$(PELICAN) -r "$(INPUTDIR)" -o "$(OUTPUTDIR)" -s "$(CONFFILE)" $(PELICANOPTS)

serve: html
	$(PELICAN) -l "$(INPUTDIR)" -o "$(OUTPUTDIR)" -s "$(CONFFILE)" -p $(PORT) -b $(BIND) $(PELICANOPTS)

devserver: $(STAMP)
	$(PELICAN) -lr "$(INPUTDIR)" -o "$(OUTPUTDIR)" -s "$(CONFFILE)" -p $(PORT) -b $(BIND) $(PELICANOPTS)

ingest: $(STAMP)
	$(BIN)/digest ingest $(if $(JOBS),--jobs $(JOBS))

publish: $(STAMP)
	$(PELICAN) "$(INPUTDIR)" -o "$(OUTPUTDIR)" -s "$(PUBLISHCONF)" $(PELICANOPTS)

rsync_upload: publish
	@test -n "$(SSH_HOST)" -a -n "$(SSH_TARGET_DIR)" || { echo 'set SSH_HOST and SSH_TARGET_DIR (and SSH_USER)'; exit 2; }
	rsync -e "ssh -p $(SSH_PORT)" -P -rvzc --include tags --cvs-exclude --delete "$(OUTPUTDIR)"/ "$(if $(SSH_USER),$(SSH_USER)@)$(SSH_HOST):$(SSH_TARGET_DIR)"

github: publish
	$(BIN)/python -m digest_search.ghpages "$(OUTPUTDIR)" --branch "$(GITHUB_PAGES_BRANCH)"

test: $(STAMP)
	bash .ci/setup-test-deps
	$(BIN)/python -m pytest $(PYTESTOPTS)

bench: $(STAMP)
	$(BIN)/python bench/run_all.py

.PHONY: help venv html clean regenerate serve devserver ingest publish rsync_upload github test bench
