#!/usr/bin/env bash
# Build the vnarticle container image with podman and smoke-test it, without
# pulling any image from a registry.
#
# The production Dockerfile builds FROM rust:*-slim-bookworm and
# debian:bookworm-slim. Where those cannot be pulled (an offline or
# registry-less machine), this script makes local stand-ins:
#
#   base image     debootstrap --variant=minbase bookworm, slimmed like
#                  debian:bookworm-slim, then `podman import`
#   builder image  base + ca-certificates gcc libc6-dev pkg-config (apt) +
#                  the host's active Rust toolchain (`rustc --print sysroot`)
#
# and builds the Dockerfile with --pull=never and --build-arg RUST_IMAGE=...
# RUNTIME_IMAGE=... pointing at them. Both are cached: they are only made when
# missing (the builder tag carries the host's rustc version).
#
# Then it runs the image, waits for /healthz, POSTs a seed page to
# /v1/extract, runs the image's HEALTHCHECK, stops the container with SIGTERM
# and checks that it exited 0 within the grace period.
#
# Usage: scripts/container-smoke.sh [all|base|builder|image|test|clean]...
#   all      (default) base builder image test
#   base     make the local Debian base image if missing
#   builder  make the local Rust builder image if missing
#   image    build the app image from Dockerfile
#   test     run the smoke test against the app image
#   clean    remove the app, builder and base images and the scratch dir
#
# Environment (all optional):
#   APP_IMAGE        localhost/vnarticle:dev
#   BASE_IMAGE       localhost/vnarticle-base:bookworm
#   BUILDER_IMAGE    localhost/vnarticle-rust:<rustc version>-bookworm
#   REBUILD=1        remake base and builder images even if cached
#   DEBIAN_SUITE     bookworm
#   DEBIAN_MIRROR    http://deb.debian.org/debian
#   DEBIAN_SECURITY_MIRROR  http://deb.debian.org/debian-security
#   RUST_SYSROOT     $(rustc --print sysroot)
#   CA_BUNDLE        /etc/ssl/certs/ca-certificates.crt (mounted into RUN
#                    steps so cargo can reach crates.io through this host's
#                    TLS setup; it is not baked into any image)
#   WORK_DIR         /var/tmp/vnarticle-container (scratch)
#   SEED_PAGE        <repo>/../shared/seed/kinhtedothi-page.txt
#   PORT             host port for the test (default: a free random one)
#   OCI_RUNTIME      runc
#   HEALTH_TIMEOUT   60 (seconds to wait for /healthz)
#   STOP_GRACE       10 (seconds given to SIGTERM before SIGKILL)
#   NICE             10 (niceness of the heavy build steps)
#   NETWORK_MODE     auto | port | host (auto: -p mapping, host if it fails)
set -euo pipefail

SCRIPT_DIR=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")" && pwd)
REPO_ROOT=$(cd -- "$SCRIPT_DIR/.." && pwd)

DEBIAN_SUITE=${DEBIAN_SUITE:-bookworm}
DEBIAN_MIRROR=${DEBIAN_MIRROR:-http://deb.debian.org/debian}
DEBIAN_SECURITY_MIRROR=${DEBIAN_SECURITY_MIRROR:-http://deb.debian.org/debian-security}
WORK_DIR=${WORK_DIR:-/var/tmp/vnarticle-container}
APP_IMAGE=${APP_IMAGE:-localhost/vnarticle:dev}
BASE_IMAGE=${BASE_IMAGE:-localhost/vnarticle-base:$DEBIAN_SUITE}
CA_BUNDLE=${CA_BUNDLE:-/etc/ssl/certs/ca-certificates.crt}
SEED_PAGE=${SEED_PAGE:-$REPO_ROOT/../shared/seed/kinhtedothi-page.txt}
OCI_RUNTIME=${OCI_RUNTIME:-runc}
HEALTH_TIMEOUT=${HEALTH_TIMEOUT:-60}
STOP_GRACE=${STOP_GRACE:-10}
NICE=${NICE:-10}
NETWORK_MODE=${NETWORK_MODE:-auto}
REBUILD=${REBUILD:-0}
PORT=${PORT:-}

# Flags every `podman build` here needs on this kind of host:
#  --isolation chroot  RUN steps without an OCI runtime/cgroup setup
#  --pull=never        no registry is reachable; only local images
#  --format docker     keep HEALTHCHECK/STOPSIGNAL (the OCI format drops HEALTHCHECK)
PODMAN_BUILD_FLAGS=(--isolation chroot --pull=never --format docker --layers)
# Flags for `podman run`: podman's default nofile/nproc limits (1048576) are
# above this host's hard limits and cannot be raised here.
PODMAN_RUN_FLAGS=(--runtime "$OCI_RUNTIME" --ulimit nofile=20000:20000 --ulimit nproc=32768:32768)

FAILED=0
CONTAINER=""
SCRATCH_PATHS=()

log()  { printf '==> %s\n' "$*" >&2; }
pass() { printf 'PASS: %s\n' "$*"; }
fail() { printf 'FAIL: %s\n' "$*"; FAILED=1; }
die()  { fail "$*"; exit 1; }

cleanup() {
    local rc=$?
    set +e
    if [[ -n $CONTAINER ]]; then
        if [[ $rc -ne 0 || $FAILED -ne 0 ]]; then
            log "container logs (last 40 lines):"
            podman logs --tail 40 "$CONTAINER" >&2 2>&1
        fi
        podman_nosd rm -f -t 0 "$CONTAINER" >/dev/null
        CONTAINER=""
    fi
    local p
    for p in "${SCRATCH_PATHS[@]}"; do
        [[ -n $p && -e $p ]] && rm -rf --one-file-system -- "$p"
    done
    if [[ $rc -ne 0 || $FAILED -ne 0 ]]; then
        echo "RESULT: FAIL"
        [[ $rc -eq 0 ]] && rc=1
    fi
    exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

need() {
    local c
    for c in "$@"; do
        command -v "$c" >/dev/null 2>&1 || die "missing command '$c' (apt-get install -y podman buildah runc debootstrap uidmap fuse-overlayfs slirp4netns curl)"
    done
}

rust_version() {
    "$RUST_SYSROOT/bin/rustc" --version | awk '{print $2}'
}

init_rust() {
    if [[ -z ${RUST_SYSROOT:-} ]]; then
        need rustc
        RUST_SYSROOT=$(rustc --print sysroot)
    fi
    RUST_SYSROOT=$(realpath "$RUST_SYSROOT")
    [[ -x $RUST_SYSROOT/bin/cargo && -x $RUST_SYSROOT/bin/rustc ]] \
        || die "no cargo/rustc under RUST_SYSROOT=$RUST_SYSROOT"
    RUST_VERSION=$(rust_version)
    BUILDER_IMAGE=${BUILDER_IMAGE:-localhost/vnarticle-rust:$RUST_VERSION-$DEBIAN_SUITE}
}

# ---------------------------------------------------------------- base image
make_base() {
    need podman debootstrap tar
    if [[ $REBUILD != 1 ]] && podman image exists "$BASE_IMAGE"; then
        pass "base image $BASE_IMAGE (cached)"
        return
    fi
    log "debootstrap --variant=minbase $DEBIAN_SUITE from $DEBIAN_MIRROR"
    mkdir -p "$WORK_DIR"
    local rootfs
    rootfs=$(mktemp -d "$WORK_DIR/rootfs.XXXXXX")
    SCRATCH_PATHS+=("$rootfs")
    if ! nice -n "$NICE" debootstrap --variant=minbase "$DEBIAN_SUITE" "$rootfs" "$DEBIAN_MIRROR" \
            >"$WORK_DIR/debootstrap.log" 2>&1; then
        tail -n 20 "$WORK_DIR/debootstrap.log" >&2
        die "debootstrap failed (log: $WORK_DIR/debootstrap.log)"
    fi

    # Slim it the way debian:*-slim is slimmed.
    cat >"$rootfs/etc/dpkg/dpkg.cfg.d/docker-slim" <<'EOF'
path-exclude /usr/share/doc/*
path-include /usr/share/doc/*/copyright
path-exclude /usr/share/man/*
path-exclude /usr/share/groff/*
path-exclude /usr/share/info/*
path-exclude /usr/share/lintian/*
path-exclude /usr/share/linda/*
path-exclude /usr/share/locale/*
EOF
    cat >"$rootfs/etc/apt/apt.conf.d/docker-clean" <<'EOF'
DPkg::Post-Invoke { "rm -f /var/cache/apt/archives/*.deb /var/cache/apt/archives/partial/*.deb /var/cache/apt/*.bin || true"; };
APT::Update::Post-Invoke { "rm -f /var/cache/apt/archives/*.deb /var/cache/apt/archives/partial/*.deb /var/cache/apt/*.bin || true"; };
Dir::Cache::pkgcache "";
Dir::Cache::srcpkgcache "";
EOF
    cat >"$rootfs/etc/apt/apt.conf.d/docker-no-languages" <<'EOF'
Acquire::Languages "none";
EOF
    rm -f "$rootfs/etc/apt/sources.list"
    cat >"$rootfs/etc/apt/sources.list.d/debian.sources" <<EOF
Types: deb
URIs: $DEBIAN_MIRROR
Suites: $DEBIAN_SUITE $DEBIAN_SUITE-updates
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg

Types: deb
URIs: $DEBIAN_SECURITY_MIRROR
Suites: $DEBIAN_SUITE-security
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
EOF
    (
        cd "$rootfs"
        find usr/share/doc -mindepth 1 -not -name copyright -not -type d -delete
        find usr/share/doc -mindepth 1 -type d -empty -delete
        rm -rf usr/share/man/* usr/share/groff/* usr/share/info/* \
               usr/share/lintian/* usr/share/linda/* usr/share/locale/*
        rm -rf var/lib/apt/lists/* var/cache/apt/*.bin var/cache/apt/archives/*.deb \
               var/cache/apt/archives/partial/* var/cache/debconf/*-old \
               var/lib/dpkg/*-old var/log/* tmp/* root/.bash_history
        # Filled in by podman at run time; do not bake the host's values in.
        rm -f etc/resolv.conf etc/hostname
        : >etc/hosts
        [[ -e etc/machine-id ]] && : >etc/machine-id
        true
    )

    log "podman import -> $BASE_IMAGE"
    podman rmi -f "$BASE_IMAGE" >/dev/null 2>&1 || true
    tar --numeric-owner --xattrs --acls -C "$rootfs" -c . \
        | podman import --quiet \
            --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
            --change 'CMD ["bash"]' \
            --message "debootstrap --variant=minbase $DEBIAN_SUITE (slimmed)" \
            - "$BASE_IMAGE" >/dev/null
    rm -rf --one-file-system -- "$rootfs"
    podman image exists "$BASE_IMAGE" || die "podman import of $BASE_IMAGE"
    pass "base image $BASE_IMAGE built ($(image_size "$BASE_IMAGE"))"
}

# ------------------------------------------------------------- builder image
make_builder() {
    need podman
    init_rust
    podman image exists "$BASE_IMAGE" || make_base
    if [[ $REBUILD != 1 ]] && podman image exists "$BUILDER_IMAGE"; then
        pass "builder image $BUILDER_IMAGE (cached)"
        return
    fi
    log "building $BUILDER_IMAGE from $BASE_IMAGE + toolchain $RUST_SYSROOT"
    mkdir -p "$WORK_DIR"
    local ctx
    ctx=$(mktemp -d "$WORK_DIR/builder-ctx.XXXXXX")
    SCRATCH_PATHS+=("$ctx")
    # Mirrors rust:*-slim-bookworm: ca-certificates gcc libc6-dev, cargo and
    # rustc on PATH, CARGO_HOME=/usr/local/cargo. The toolchain is bind-mounted
    # from the host for the copy only; its docs (share/) are left out.
    cat >"$ctx/Containerfile" <<EOF
FROM $BASE_IMAGE
ENV RUST_HOME=/usr/local/rust \\
    CARGO_HOME=/usr/local/cargo \\
    PATH=/usr/local/cargo/bin:/usr/local/rust/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \\
    RUST_VERSION=$RUST_VERSION
RUN set -eux; \\
    apt-get update; \\
    DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \\
        ca-certificates gcc libc6-dev pkg-config; \\
    rm -rf /var/lib/apt/lists/*
RUN set -eux; \\
    mkdir -p "\$RUST_HOME" "\$CARGO_HOME/bin"; \\
    for d in bin lib libexec etc; do \\
        if [ -d "/mnt/rust-toolchain/\$d" ]; then cp -a "/mnt/rust-toolchain/\$d" "\$RUST_HOME/"; fi; \\
    done; \\
    rm -f "\$RUST_HOME"/bin/rust-gdb* "\$RUST_HOME"/bin/rust-lldb; \\
    chmod -R a+rX "\$RUST_HOME" "\$CARGO_HOME"; \\
    cargo --version; rustc --version
CMD ["bash"]
EOF
    nice -n "$NICE" podman build "${PODMAN_BUILD_FLAGS[@]}" \
        -v "$RUST_SYSROOT:/mnt/rust-toolchain:ro" \
        --label "org.opencontainers.image.description=local stand-in for rust:$RUST_VERSION-slim-$DEBIAN_SUITE" \
        -t "$BUILDER_IMAGE" -f "$ctx/Containerfile" "$ctx" >&2 \
        || die "podman build of $BUILDER_IMAGE"
    rm -rf --one-file-system -- "$ctx"
    pass "builder image $BUILDER_IMAGE built ($(image_size "$BUILDER_IMAGE"))"
}

# ----------------------------------------------------------------- app image
make_image() {
    need podman
    init_rust
    podman image exists "$BUILDER_IMAGE" || make_builder
    podman image exists "$BASE_IMAGE" || make_base
    [[ -r $CA_BUNDLE ]] || die "CA bundle $CA_BUNDLE not readable"
    log "podman build $APP_IMAGE (RUST_IMAGE=$BUILDER_IMAGE RUNTIME_IMAGE=$BASE_IMAGE)"
    local t0=$SECONDS
    nice -n "$NICE" podman build "${PODMAN_BUILD_FLAGS[@]}" \
        --build-arg "RUST_IMAGE=$BUILDER_IMAGE" \
        --build-arg "RUNTIME_IMAGE=$BASE_IMAGE" \
        -v "$CA_BUNDLE:/etc/ssl/certs/ca-certificates.crt:ro" \
        -t "$APP_IMAGE" -f "$REPO_ROOT/Dockerfile" "$REPO_ROOT" >&2 \
        || die "podman build of $APP_IMAGE"
    pass "app image $APP_IMAGE built in $((SECONDS - t0))s ($(image_size "$APP_IMAGE"))"
}

image_size() {
    podman image inspect --format '{{.Size}}' "$1" 2>/dev/null \
        | awk '{ printf "%.1f MB", $1 / 1000000 }'
}

# ---------------------------------------------------------------- smoke test
free_port() {
    python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()' 2>/dev/null \
        || echo $((20000 + RANDOM % 40000))
}

wait_healthy() {
    local url=$1 deadline=$((SECONDS + HEALTH_TIMEOUT))
    while ((SECONDS < deadline)); do
        if curl -fsS --max-time 2 "$url" >/dev/null 2>&1; then
            return 0
        fi
        if [[ $(podman inspect --format '{{.State.Running}}' "$CONTAINER" 2>/dev/null) != true ]]; then
            return 2
        fi
        sleep 0.5
    done
    return 1
}

now_ms() { date +%s%3N; }

# podman without systemd logs harmless "unable to get systemd connection ...
# healthchecks" errors for images with a HEALTHCHECK; drop just those lines.
podman_nosd() {
    local errf rc=0
    errf=$(mktemp)
    podman "$@" 2>"$errf" || rc=$?
    grep -v 'systemd connection' "$errf" >&2 || true
    rm -f "$errf"
    return "$rc"
}

start_container() {
    local mode=$1 name="vnarticle-smoke-$$"
    podman rm -f -t 0 "$name" >/dev/null 2>&1 || true
    # --health-interval=disable: no systemd timer on this host; the image's
    # HEALTHCHECK is run by hand below with `podman healthcheck run`.
    if [[ $mode == port ]]; then
        CONTAINER=$(podman_nosd run -d --name "$name" "${PODMAN_RUN_FLAGS[@]}" \
            --health-interval=disable \
            -p "127.0.0.1:$PORT:8080" "$APP_IMAGE") || { CONTAINER=""; return 1; }
        HEALTH_URL_IN=""
    else
        CONTAINER=$(podman_nosd run -d --name "$name" "${PODMAN_RUN_FLAGS[@]}" \
            --health-interval=disable \
            --network host -e "VNARTICLE__SERVER__LISTEN=127.0.0.1:$PORT" \
            "$APP_IMAGE" serve --listen "127.0.0.1:$PORT") || { CONTAINER=""; return 1; }
        HEALTH_URL_IN="http://127.0.0.1:$PORT/healthz"
    fi
}

run_test() {
    need podman curl python3
    podman image exists "$APP_IMAGE" || die "image $APP_IMAGE missing (run: $0 image)"
    [[ -n $PORT ]] || PORT=$(free_port)
    local base="http://127.0.0.1:$PORT" rc mode=$NETWORK_MODE
    [[ $mode == auto ]] && mode=port

    log "podman run $APP_IMAGE ($mode network, 127.0.0.1:$PORT)"
    if ! start_container "$mode"; then
        [[ $NETWORK_MODE == auto && $mode == port ]] || die "podman run ($mode network)"
        log "port mapping failed; retrying with --network host"
        mode=host
        start_container host || die "podman run (host network)"
    fi
    local t0
    t0=$(now_ms)
    rc=0; wait_healthy "$base/healthz" || rc=$?
    if [[ $rc -ne 0 && $NETWORK_MODE == auto && $mode == port ]]; then
        log "no answer through the port mapping; retrying with --network host"
        podman_nosd rm -f -t 0 "$CONTAINER" >/dev/null || true
        CONTAINER=""
        mode=host
        start_container host || die "podman run (host network)"
        t0=$(now_ms)
        rc=0; wait_healthy "$base/healthz" || rc=$?
    fi
    case $rc in
        0) pass "GET /healthz OK $(( $(now_ms) - t0 )) ms after start ($mode network, 127.0.0.1:$PORT)" ;;
        2) die "container exited before /healthz answered" ;;
        *) die "GET $base/healthz did not answer within ${HEALTH_TIMEOUT}s" ;;
    esac

    # The image runs as the non-root user.
    local user
    user=$(podman exec "$CONTAINER" id -u 2>/dev/null || true)
    if [[ $user == 10001 ]]; then pass "runs as uid 10001"; else fail "runs as uid '$user', want 10001"; fi

    # The image's own HEALTHCHECK (vnarticle healthcheck).
    local hc_args=()
    [[ -n $HEALTH_URL_IN ]] && hc_args=(--url "$HEALTH_URL_IN")
    if [[ ${#hc_args[@]} -eq 0 ]]; then
        if podman_nosd healthcheck run "$CONTAINER" >/dev/null; then
            pass "image HEALTHCHECK reports healthy"
        else
            fail "image HEALTHCHECK: $(podman healthcheck run "$CONTAINER" 2>&1 | tail -n 3)"
        fi
    else
        # Host network on a non-default port: the baked-in HEALTHCHECK probes
        # :8080, so run the same command with the port in use.
        if podman exec "$CONTAINER" vnarticle healthcheck "${hc_args[@]}" >/dev/null 2>&1; then
            pass "vnarticle healthcheck --url $HEALTH_URL_IN exits 0"
        else
            fail "vnarticle healthcheck --url $HEALTH_URL_IN failed"
        fi
    fi

    # Extract a real page.
    if [[ -r $SEED_PAGE ]]; then
        local body
        body=$(curl -sS --max-time 30 "$base/v1/extract" \
                 -H 'content-type: text/plain' --data-binary @"$SEED_PAGE") || body=""
        local title
        title=$(printf '%s' "$body" | python3 -c '
import json, sys
try:
    doc = json.load(sys.stdin)
except Exception:
    sys.exit(1)
def find(o):
    if isinstance(o, dict):
        t = o.get("title")
        if isinstance(t, str) and t.strip():
            return t
        for v in o.values():
            r = find(v)
            if r:
                return r
    return None
t = find(doc)
if not t:
    sys.exit(2)
print(t[:100])
') && pass "POST /v1/extract returned JSON with title: $title" \
          || fail "POST /v1/extract: no JSON title in response: ${body:0:300}"
    else
        fail "seed page $SEED_PAGE not found"
    fi

    # Operations routes: readiness, Prometheus metrics, the OpenAPI document.
    if curl -sf --max-time 10 "$base/readyz" | grep -q '"status":"ready"'; then
        pass "GET /readyz: ready"
    else
        fail "GET /readyz: $(curl -s --max-time 10 "$base/readyz" | head -c 300)"
    fi
    if curl -sf --max-time 10 "$base/metrics" | grep -q '^vnarticle_http_requests_total{route="/v1/extract",status="200"} 1'; then
        pass "GET /metrics counts the extraction"
    else
        fail "GET /metrics: $(curl -s --max-time 10 "$base/metrics" | grep -m3 vnarticle_http)"
    fi
    if curl -sf --max-time 10 "$base/openapi.json" | python3 -c 'import json,sys; d=json.load(sys.stdin); sys.exit(0 if d["openapi"].startswith("3.1") and "/v1/extract" in d["paths"] else 1)'; then
        pass "GET /openapi.json: OpenAPI 3.1 with /v1/extract"
    else
        fail "GET /openapi.json"
    fi

    # Logs are JSON lines (VNARTICLE__LOG__FORMAT=json).
    if podman logs "$CONTAINER" 2>&1 | head -n 5 | python3 -c '
import json, sys
lines = [l for l in sys.stdin if l.strip()]
sys.exit(0 if lines and all(json.loads(l) is not None for l in lines) else 1)
' 2>/dev/null; then
        pass "container logs are JSON lines"
    else
        fail "container logs are not JSON lines: $(podman logs "$CONTAINER" 2>&1 | head -n 2)"
    fi

    # Graceful stop: SIGTERM, exit code 0 within the grace period.
    local t0 took code
    t0=$(now_ms)
    podman_nosd stop -t "$STOP_GRACE" "$CONTAINER" >/dev/null || true
    took=$(( $(now_ms) - t0 ))
    code=$(podman inspect --format '{{.State.ExitCode}}' "$CONTAINER")
    if [[ $code == 0 && $took -lt $((STOP_GRACE * 1000)) ]]; then
        pass "podman stop -t $STOP_GRACE: exited 0 after SIGTERM in ${took} ms"
    else
        fail "podman stop -t $STOP_GRACE: exit code $code after ${took} ms (137 = SIGKILL after grace period)"
    fi
    podman logs --tail 3 "$CONTAINER" 2>&1 | sed 's/^/    log: /' >&2
    podman_nosd rm -f -t 0 "$CONTAINER" >/dev/null || true
    CONTAINER=""
    pass "cleaned up test container"
}

clean_all() {
    need podman
    init_rust
    local img
    for img in "$APP_IMAGE" "$BUILDER_IMAGE" "$BASE_IMAGE"; do
        podman rmi -f "$img" >/dev/null 2>&1 && log "removed $img" || true
    done
    podman image prune -f >/dev/null 2>&1 || true
    rm -rf --one-file-system -- "$WORK_DIR"
    pass "clean"
}

main() {
    [[ $(id -u) -eq 0 ]] || die "run as root (debootstrap and rootful podman)"
    local steps=("$@")
    [[ ${#steps[@]} -gt 0 ]] || steps=(all)
    local s
    for s in "${steps[@]}"; do
        case $s in
            all) make_base; make_builder; make_image; run_test ;;
            base) make_base ;;
            builder) make_builder ;;
            image) make_image ;;
            test) run_test ;;
            clean) clean_all ;;
            -h|--help|help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
            *) die "unknown step '$s' (all|base|builder|image|test|clean)" ;;
        esac
    done
    if [[ $FAILED -ne 0 ]]; then
        exit 1
    fi
    echo "RESULT: PASS"
}

main "$@"
