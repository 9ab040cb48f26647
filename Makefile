# Trạm Số hóa — set-up, run, test. Every target installs what a fresh Debian/Ubuntu machine lacks.
SHELL := /bin/bash
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMPS := .stamps
APT_PACKAGES := tesseract-ocr tesseract-ocr-vie tesseract-ocr-osd sane-utils libsane1 libsane-dev \
	fonts-dejavu-core fonts-liberation fonts-noto-core ghostscript softhsm2 \
	libxcb-cursor0 libxkbcommon-x11-0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-randr0 \
	libxcb-render-util0 libxcb-shape0 libxcb-xinerama0 libxcb-xkb1 libx11-xcb1 libegl1 libgl1 libfontconfig1 \
	libdbus-1-3 libglib2.0-0 postgresql chromium nsis p7zip-full
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
DEV_SCANS ?= ../shared/data/dev-scans

.PHONY: help setup system-deps run test lint typecheck imports unit bench eval screenshots central clean \
	installer installer-deps installer-test

help:
	@echo "make run    - start the station (demo profile)"
	@echo "make test   - install everything, then lint, types, import rules and the whole test suite"
	@echo "make bench  - cleanup speed and pipeline throughput on the dev set"
	@echo "make eval   - run sohoa process on the dev set and score it"
	@echo "make lint   - ruff, mypy and import-linter only"
	@echo "make screenshots - render each main screen into docs/screenshots/"
	@echo "make central - run the central repository service on 127.0.0.1:8765 (data in out/central)"
	@echo "make installer - build the Linux package (PyInstaller folder + .deb) into dist/"
	@echo "make installer-test - build, install into a clean root, run offscreen, process a page, upgrade"

setup: system-deps $(STAMPS)/venv

system-deps:
	@missing=""; for p in $(APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
		echo "Installing system packages:$$missing"; \
		$(SUDO) apt-get update -q && \
		DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -q --no-install-recommends $$missing; \
	fi

$(STAMPS)/venv: pyproject.toml
	@mkdir -p $(STAMPS)
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[dev,bench]'
	@touch $@

run: setup
	$(BIN)/python -m app --profile demo

lint: setup
	$(BIN)/ruff check app tests
	$(BIN)/ruff format --check app tests
	$(BIN)/mypy
	$(BIN)/lint-imports

test: setup lint
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q

bench: setup
	$(BIN)/python -m tests.bench.cleanup_bench --data $(DEV_SCANS)
	$(BIN)/python -m tests.bench.ocr_pdf_bench --data $(DEV_SCANS)
	$(BIN)/python -m tests.bench.latency_bench --data $(DEV_SCANS)
	$(BIN)/python -m tests.bench.search_bench
	$(BIN)/python -m tests.bench.sync_bench

eval: setup
	rm -rf out/eval && mkdir -p out/eval
	for b in $(DEV_SCANS)/batch_*; do $(BIN)/sohoa process $$b --out out/eval/$$(basename $$b) || exit 1; done
	$(BIN)/python ../shared/eval/score.py --gt $(DEV_SCANS) --pred out/eval

screenshots: setup
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m app.ui.screenshots --out docs/screenshots

central: setup
	@test -f out/central/central.db || $(BIN)/sohoa central init --data out/central
	$(BIN)/sohoa central serve --data out/central

# The Linux package (docs/install-linux.md): PyInstaller needs binutils (objdump); the test, an X server.
INSTALLER_APT := binutils xvfb

installer-deps: setup
	@dpkg -s $(INSTALLER_APT) >/dev/null 2>&1 || { $(SUDO) apt-get update -q && \
		DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -q --no-install-recommends $(INSTALLER_APT); }

$(STAMPS)/installer: pyproject.toml
	$(BIN)/pip install -q -e '.[installer]'
	@touch $@

installer: installer-deps $(STAMPS)/installer
	$(BIN)/python packaging/linux/build.py --out dist

installer-test: installer-deps $(STAMPS)/installer
	$(BIN)/python packaging/linux/installer_test.py

clean:
	rm -rf $(VENV) $(STAMPS) out .pytest_cache .mypy_cache .ruff_cache
