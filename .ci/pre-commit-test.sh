#!/usr/bin/env bash
# Tests the pre-commit hook of this checkout as a user gets it: a throwaway git repository lists
# this checkout in .pre-commit-config.yaml, pre-commit clones it at HEAD and builds slens there,
# and real `git commit` runs must pass or fail. Uncommitted changes are not tested, because
# pre-commit clones the commit. Installs Debian's pre-commit with apt-get when it is missing.
set -euo pipefail

checkout="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

if ! command -v pre-commit >/dev/null; then
    echo "pre-commit test: installing Debian's pre-commit" >&2
    apt-get install -y -q pre-commit >/dev/null || {
        apt-get update -q >/dev/null && apt-get install -y -q pre-commit >/dev/null
    }
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
# A private cache, so that the test builds the hook from HEAD and leaves ~/.cache alone.
export PRE_COMMIT_HOME="$work/cache"
repo="$work/repo"
rev="$(git -C "$checkout" rev-parse HEAD)"

git init -q "$repo"
cd "$repo"
git config user.email "test@example.com"
git config user.name "pre-commit test"
git config commit.gpgsign false
cat > .pre-commit-config.yaml <<CONFIG
repos:
  - repo: $checkout
    rev: $rev
    hooks:
      - id: slens
CONFIG
git add .pre-commit-config.yaml
git commit -q -m "Add pre-commit configuration"
pre-commit install >/dev/null

checks=0
fail() {
    echo "pre-commit test: FAILED: $1" >&2
    exit 1
}

write_template() {
    cat > template.yaml <<TEMPLATE
AWSTemplateFormatVersion: '2010-09-09'
Transform: AWS::Serverless-2016-10-31
Resources:
  Worker:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: $1
      Handler: app.handler
      CodeUri: src/
      Timeout: 10
TEMPLATE
}

# 1. A template without error findings is committed. The first commit also builds slens.
write_template python3.12
git add template.yaml
if ! git commit -q -m "Add a clean template" > "$work/clean.log" 2>&1; then
    cat "$work/clean.log" >&2
    fail "the hook blocked a template without error findings"
fi
checks=$((checks + 1))

# 2. A runtime whose support ended long ago is an error finding (SL1003) and blocks the commit.
write_template nodejs12.x
git add template.yaml
if git commit -q -m "Use an unsupported runtime" > "$work/blocked.log" 2>&1; then
    cat "$work/blocked.log" >&2
    fail "the hook let a template with an SL1003 error through"
fi
grep -q "SL1003" "$work/blocked.log" || {
    cat "$work/blocked.log" >&2
    fail "the blocked commit's output does not name SL1003"
}
grep -q "template.yaml:7:" "$work/blocked.log" || {
    cat "$work/blocked.log" >&2
    fail "the blocked commit's output does not point at template.yaml line 7"
}
checks=$((checks + 1))
git checkout -q HEAD -- template.yaml

# 3. A file that matches the hook's pattern but is no template passes without a message.
mkdir -p chart/templates
printf 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: demo\n' > chart/template.yaml
git add chart/template.yaml
if ! git commit -q -m "Add a Kubernetes manifest" > "$work/other.log" 2>&1; then
    cat "$work/other.log" >&2
    fail "the hook blocked a YAML file that is not a template"
fi
checks=$((checks + 1))

echo "pre-commit test: all $checks checks of the slens hook succeeded"
