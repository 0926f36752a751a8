#!/bin/sh
# Signs the vmm worker with the hypervisor entitlement (ad hoc by default;
# pass an identity from `security find-identity -v -p codesigning` to use a
# real one). Run after every build of vmm on macOS:
#   launchd/sign-vmm.sh build/engine/vmm/vmm [IDENTITY]
set -eu
vmm=${1:?usage: sign-vmm.sh PATH/TO/vmm [IDENTITY]}
identity=${2:--}
here=$(cd "$(dirname "$0")" && pwd)
if [ "$(uname -s)" != Darwin ]; then
  echo "sign-vmm.sh: nothing to do on $(uname -s) (hv/soft needs no entitlement)" >&2
  exit 0
fi
codesign --force --options runtime --entitlements "$here/vmm.entitlements" -s "$identity" "$vmm"
codesign --display --entitlements - "$vmm" | grep -q com.apple.security.hypervisor
echo "signed $vmm with com.apple.security.hypervisor"
