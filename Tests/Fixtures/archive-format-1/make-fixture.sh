#!/bin/sh
# Makes the format-1 archive of the migration tests (Tests/ArchiveTests/ArchiveMigrationTests.swift)
# with the Inclusio of commit 0d4fbff (the last one that wrote format 1):
#   git worktree add /tmp/f1 0d4fbff && (cd /tmp/f1 && swift build -q) && INCLUSIO=/tmp/f1/.build/debug/inclusio sh make-fixture.sh
# Two passphrase operators (admin, clerk), eight records of three jurisdictions and two Modena schools,
# clinical and educational kinds, a hold.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
records="$here/../records"
work=$(mktemp -d)
printf 'admin passphrase of the format-1 fixture' > "$work/admin.pass"
printf 'clerk passphrase of the format-1 fixture' > "$work/clerk.pass"
rm -rf "$here/archive"
"$INCLUSIO" archive init --path "$here/archive" --policy "$here/policy.xml" --admin-passphrase-file "$work/admin.pass"
"$INCLUSIO" archive enrol clerk --new-passphrase-file "$work/clerk.pass" --as admin --passphrase-file "$work/admin.pass" --path "$here/archive"
"$INCLUSIO" archive ingest "$records/IT-MO-certificate.xml" "$records/IT-MO-functional-diagnosis.xml" "$records/IT-MO-iep.xml" \
    "$records/IT-MO-information-sheet.xml" "$records/IT-MO-iep-life-plan.xml" "$records/IT-MO-certificate-rinnovo.xml" \
    "$records/CN-FJ-placement.xml" "$records/JP-11-placement.xml" \
    --as clerk --passphrase-file "$work/clerk.pass" --purpose filing --path "$here/archive"
pupil=$("$INCLUSIO" archive list --json --as clerk --passphrase-file "$work/clerk.pass" --purpose review --path "$here/archive" \
    | python3 -c 'import json,sys; print(json.load(sys.stdin)["result"]["pupils"][0]["pseudonym"])')
"$INCLUSIO" archive hold --pupil "$pupil" --reason "court order" --as clerk --passphrase-file "$work/clerk.pass" --purpose litigation --path "$here/archive"
sqlite3 "$here/archive/index.sqlite" "PRAGMA wal_checkpoint(TRUNCATE)"
rm -rf "$here/archive/tmp" "$work"
mkdir "$here/archive/tmp"
