#
# vnarticle production image.
#
#   docker build -t vnarticle .
#   docker run --rm -p 8080:8080 vnarticle
#
# Where base images cannot be pulled, scripts/container-smoke.sh makes local
# stand-ins for both base images and builds this file with podman:
#   --build-arg RUST_IMAGE=localhost/... --build-arg RUNTIME_IMAGE=localhost/...

ARG RUST_IMAGE=rust:1.95-slim-bookworm
ARG RUNTIME_IMAGE=debian:bookworm-slim

# --------------------------------------------------------------------- build
FROM ${RUST_IMAGE} AS builder

ENV CARGO_TERM_COLOR=never \
    CARGO_INCREMENTAL=0 \
    CARGO_NET_RETRY=5
WORKDIR /build

# Dependency layer: build every dependency against a stub crate, so that a
# change under src/ only recompiles vnarticle itself. Only Cargo.toml and
# Cargo.lock are inputs here. [[bench]]/[[test]]/[[example]] tables are
# dropped from the stub manifest (a release build of the binary does not need
# them, and their files are not here yet); every other target path the
# manifest names gets a stub file.
COPY Cargo.toml Cargo.lock ./
RUN set -eux; \
    mv Cargo.toml Cargo.toml.real; \
    awk '/^[[:space:]]*\[\[(bench|test|example)\]\]/ { skip = 1; next }; /^[[:space:]]*\[/ { skip = 0 }; !skip' \
        Cargo.toml.real > Cargo.toml; \
    for f in src/main.rs src/lib.rs $(sed -n 's/^[[:space:]]*\(path\|build\)[[:space:]]*=[[:space:]]*"\([^"]*\.rs\)".*/\2/p' Cargo.toml); do \
        mkdir -p "$(dirname "$f")"; \
        if [ ! -e "$f" ]; then \
            case "$f" in */lib.rs) : > "$f" ;; *) echo 'fn main() {}' > "$f" ;; esac; \
            echo "$f" >> /tmp/stubs; \
        fi; \
    done; \
    cargo build --release --locked; \
    cargo clean --release -p vnarticle; \
    xargs rm -f < /tmp/stubs; \
    rm -f /tmp/stubs Cargo.toml; \
    mv Cargo.toml.real Cargo.toml

# The release profile keeps line tables (for profiling and backtraces); the
# image drops them (about 35 MB -> 10 MB) but keeps symbols, so panics still
# name functions. --build-arg STRIP_DEBUG=false keeps the full binary.
ARG STRIP_DEBUG=true
COPY . .
RUN set -eux; \
    cargo build --release --locked --bin vnarticle; \
    install -D -m 0755 target/release/vnarticle /out/vnarticle; \
    if [ "${STRIP_DEBUG}" = true ]; then strip --strip-debug /out/vnarticle; fi; \
    /out/vnarticle --version

# ------------------------------------------------------------------- runtime
FROM ${RUNTIME_IMAGE} AS runtime

LABEL org.opencontainers.image.title="vnarticle" \
      org.opencontainers.image.description="HTTP JSON service that turns a Vietnamese news page into clean, structured article data" \
      org.opencontainers.image.licenses="MIT"

ARG APP_UID=10001
RUN set -eux; \
    groupadd --gid "${APP_UID}" vnarticle; \
    useradd --uid "${APP_UID}" --gid "${APP_UID}" --no-log-init \
        --home-dir /nonexistent --no-create-home --shell /usr/sbin/nologin vnarticle

# CA roots from the builder (rust:*-slim ships ca-certificates), so the
# runtime stage needs no package manager run.
COPY --from=builder /etc/ssl/certs/ca-certificates.crt /etc/ssl/certs/ca-certificates.crt
COPY --from=builder /out/vnarticle /usr/local/bin/vnarticle
COPY config/default.toml /etc/vnarticle/default.toml

ENV VNARTICLE__SERVER__LISTEN=0.0.0.0:8080 \
    VNARTICLE__LOG__FORMAT=json
WORKDIR /etc/vnarticle
USER ${APP_UID}:${APP_UID}
EXPOSE 8080
STOPSIGNAL SIGTERM
HEALTHCHECK --interval=15s --timeout=3s --start-period=5s --retries=3 \
    CMD ["vnarticle", "healthcheck"]
ENTRYPOINT ["vnarticle"]
CMD ["serve"]
