#!/usr/bin/env bash
# Installs what building, running and testing need, from Debian 12 packages only.
# Idempotent and quick when everything is already there.
set -euo pipefail

packages=(
    # build
    cmake ninja-build g++ pkg-config clang-format
    qt6-base-dev qt6-base-dev-tools qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
    qt6-qpa-plugins qt6-translations-l10n libgl-dev libqt6svg6
    libssh-dev libyaml-cpp-dev qtkeychain-qt6-dev
    # packaging
    dpkg-dev file appstream
    # tests: a real sshd, a real dockerd, a real Secret Service, a fuzzer
    openssh-server openssh-client docker.io busybox-static iproute2 util-linux sudo openssl procps curl
    # the Ansible export (issue 14): ansible-playbook and ansible-lint against the test host
    ansible ansible-lint
    dbus dbus-x11 gnome-keyring libsecret-tools
    clang libclang-rt-14-dev
    xvfb xauth
    # screenshots (scripts/screenshots.sh): text on the offscreen platform needs a font
    fonts-dejavu-core
)

missing=()
for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
    exit 0
fi

SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
