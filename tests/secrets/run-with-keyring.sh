#!/usr/bin/env bash
# Runs a test inside its own D-Bus session with an unlocked gnome-keyring (Secret Service), in a
# throwaway HOME, so a real-keychain test neither needs nor touches the user's keyring.
# Usage: run-with-keyring.sh TEST [ARGS...]
# With GS_KEYRING_LOCKED_ENTRY=KEY an entry KEY is stored the way QtKeychain stores it, and the
# keyring is locked before TEST starts (no prompt can unlock it: there is no display).
set -euo pipefail
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
export HOME="$scratch/home"
export XDG_RUNTIME_DIR="$scratch/run"
export XDG_DATA_HOME="$HOME/.local/share"
mkdir -p "$HOME" "$XDG_RUNTIME_DIR"
chmod 700 "$XDG_RUNTIME_DIR"
unset DBUS_SESSION_BUS_ADDRESS GNOME_KEYRING_CONTROL
exec dbus-run-session -- bash -euo pipefail -c '
  # One daemon: --unlock reads the password from stdin and creates the "login" keyring.
  eval "$(printf "test-only-password" | gnome-keyring-daemon --unlock --components=secrets)"
  export GNOME_KEYRING_CONTROL
  if [ -n "${GS_KEYRING_LOCKED_ENTRY:-}" ]; then
    printf "stored-before-the-lock" | secret-tool store --label=locked \
      user "$GS_KEYRING_LOCKED_ENTRY" server gitspaces-setup type plaintext
    dbus-send --session --print-reply=literal --dest=org.freedesktop.secrets \
      /org/freedesktop/secrets org.freedesktop.Secret.Service.Lock \
      array:objpath:/org/freedesktop/secrets/collection/login >/dev/null
  fi
  exec "$@"
' keyring-session "$@"
