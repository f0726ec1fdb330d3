#!/usr/bin/env bash
# The examples in docs/user-guide.md, docs/rule-format.md and docs/rule-authoring.md are what the
# program really prints: each `$ command` is run and its output compared.
source "$(dirname "$0")/lib.sh"
ws="$TMP/ws"
mkdir -p "$ws/build" "$ws/empty"
ln -s "$NIANBAO" "$ws/build/nianbao"
ln -s "$NIANBAO_SOURCE_DIR/examples" "$ws/examples"
cp -r "$NIANBAO_SOURCE_DIR/tests/fixtures/docs/." "$ws/"
ln -s "$NIANBAO_SHARED_DIR" "$TMP/shared"
python3 "$NIANBAO_SOURCE_DIR/tests/cli/doc_examples.py" "$ws" \
  "$NIANBAO_SOURCE_DIR/docs/user-guide.md" "$NIANBAO_SOURCE_DIR/docs/rule-format.md" \
  "$NIANBAO_SOURCE_DIR/docs/rule-authoring.md"
