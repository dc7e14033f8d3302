#!/usr/bin/env bash
# Builds the .deb from a built tree and checks what an administrator gets: the binary, the HTTP
# plugin where the binary looks for it, the desktop files, the dependencies that dpkg-shlibdeps
# cannot see (libssh and the Qt plugins are loaded at run time), and that the installed binary,
# unpacked as it is, finds its plugin on its own.
# Usage: check-deb.sh BUILD_DIR
set -euo pipefail
build="$1"
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
fail() {
    echo "deb: $*" >&2
    exit 1
}

cpack --config "$build/CPackConfig.cmake" -G DEB -B "$scratch/out" >"$scratch/cpack.log" 2>&1 ||
    { cat "$scratch/cpack.log" >&2; fail "cpack failed"; }
deb="$(ls "$scratch"/out/*.deb)"
contents="$(dpkg-deb -c "$deb" | awk '{print $6}')"
for path in ./usr/bin/gitspaces-setup \
    ./usr/lib/gitspaces-setup/gitspaces-setup-http.so \
    ./usr/share/applications/gitspaces-setup.desktop \
    ./usr/share/icons/hicolor/scalable/apps/gitspaces-setup.svg \
    ./usr/share/metainfo/io.harness.gitspaces-setup.metainfo.xml; do
    grep -qxF "$path" <<<"$contents" || fail "$path is not in the package"
done
# The metainfo as installed: valid AppStream, its screenshots the ones kept in the tree.
dpkg-deb -x "$deb" "$scratch/metainfo-root"
metainfo="$scratch/metainfo-root/usr/share/metainfo/io.harness.gitspaces-setup.metainfo.xml"
appstreamcli validate --no-net "$metainfo" >"$scratch/appstream.log" 2>&1 ||
    { cat "$scratch/appstream.log" >&2; fail "the AppStream metainfo does not validate"; }
shots="$(grep -o '<image>[^<]*</image>' "$metainfo" | sed 's|</image>||; s|.*/||')"
[ "$(wc -l <<<"$shots")" -eq 3 ] || fail "the metainfo lists $(wc -l <<<"$shots") screenshots, not 3"
for shot in $shots; do
    [ -s "$(dirname "$0")/../../resources/screenshots/$shot" ] || fail "no resources/screenshots/$shot"
    grep -qF "resources/screenshots/$shot" "$(dirname "$0")/../../README.md" ||
        fail "the README does not show $shot"
done
depends="$(dpkg-deb -f "$deb" Depends)"
for package in libssh-4 libqt6network6 libqt6widgets6 qt6-qpa-plugins libqt6svg6; do
    grep -q "$package" <<<"$depends" || fail "Depends lacks $package: $depends"
done

# Unpacked, the binary finds the plugin next to it (bin/../lib/gitspaces-setup), with no
# variable set: a Harness call gets as far as the network (nothing listens on port 1).
dpkg-deb -x "$deb" "$scratch/root"
cat >"$scratch/setup.yaml" <<'YAML'
ssh:
  host: 127.0.0.1
  port: 1
delegate:
  account_id: 6_vVHzo9Qeu9fXvj-AcQCb
  manager: http://127.0.0.1:1
YAML
set +e
output="$(env -u GITSPACES_SETUP_PLUGIN_DIR QT_QPA_PLATFORM=offscreen \
    "$scratch/root/usr/bin/gitspaces-setup" check --config "$scratch/setup.yaml" 2>&1 </dev/null)"
status=$?
set -e
[ $status -eq 1 ] || fail "check exited $status, not 1:
$output"
grep -q 'Cannot reach 127.0.0.1:1' <<<"$output" || fail "the Harness call did not reach the network:
$output"
if grep -q 'could not be loaded' <<<"$output"; then
    fail "the installed binary did not find a component:
$output"
fi
echo "deb: $(basename "$deb") holds the binary, its HTTP plugin and desktop files; Depends: $depends"
