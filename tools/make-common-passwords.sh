#!/usr/bin/env bash
# Regenerates src/GridGov.App/Modules/Accounts/Passwords/common-passwords.txt.gz from the MIT-licensed
# common-password list of @zxcvbn-ts/language-common (passwords of six characters or more).
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
cd "$work"
npm install --silent @zxcvbn-ts/language-common@4.1.3 >/dev/null
node -e 'import("@zxcvbn-ts/language-common").then(m => process.stdout.write(m.dictionary["passwords-common"].filter(p => p.length >= 6).join("\n") + "\n"))' \
  | gzip -9 -n > "$here/src/GridGov.App/Modules/Accounts/Passwords/common-passwords.txt.gz"
cp node_modules/@zxcvbn-ts/language-common/LICENSE.txt "$here/src/GridGov.App/Modules/Accounts/Passwords/common-passwords.LICENSE.txt"
