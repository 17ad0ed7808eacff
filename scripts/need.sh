# Sourced by the end-to-end scripts: `need CMD PACKAGE WHO` makes sure CMD is on PATH,
# installing Debian's PACKAGE with apt-get when it is not (WHO names the script in errors).
need() {
    command -v "$1" >/dev/null && return 0
    if command -v apt-get >/dev/null; then
        local sudo=""; [ "$(id -u)" = 0 ] || sudo="sudo"
        $sudo apt-get update -qq >/dev/null || true
        $sudo apt-get install -y -qq "$2" >/dev/null
    else
        echo "$3: $1 is not installed and apt-get is absent" >&2
        exit 1
    fi
}
