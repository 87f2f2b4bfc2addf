# naftiko container image (issue 6). Untested here: this machine cannot run docker builds.
#   docker build -t naftiko .
#   docker run -p 8080:8080 -p 9090:9090 -p 9091:9091 -v "$PWD/capabilities:/capabilities:ro" \
#     -e POSTHOG_API_KEY=... -e NAFTIKO_BASE_URI_POSTHOG_TASK_RUNS=https://us.posthog.com naftiko

# 1. Build the runnable jar (all dependencies and the bundled capabilities inside).
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml ./
COPY engine engine
COPY adapters-rest adapters-rest
COPY adapters-mcp adapters-mcp
COPY cli cli
COPY capabilities capabilities
RUN mvn -B -q -DskipTests package

# 2. A slim JRE 17 image running as a non-root user.
FROM eclipse-temurin:17-jre-alpine
RUN addgroup -S -g 10001 naftiko && adduser -S -u 10001 -G naftiko -h /home/naftiko naftiko
COPY --from=build /src/cli/target/naftiko.jar /opt/naftiko/naftiko.jar
# The same JVM defaults as the ./naftiko launcher (see there and bench/README.md); the jar itself sets the
# common-pool parallelism and turns JMX off. JAVA_OPTS is read by the wrapper, so `docker run -e JAVA_OPTS=...`
# replaces them. (The launcher's MALLOC_ARENA_MAX=2 and native-heap trimming are glibc features: this Alpine image uses musl.)
ENV JAVA_OPTS="-XX:+UseSerialGC -Xmn16m -XX:ReservedCodeCacheSize=24m -XX:MaxRAMPercentage=75"
RUN printf '#!/bin/sh\nexec java $JAVA_OPTS -jar /opt/naftiko/naftiko.jar "$@"\n' > /usr/local/bin/naftiko \
    && chmod 0755 /usr/local/bin/naftiko
# Default capabilities; mount your own folder over /capabilities (files are watched and hot-reloaded).
COPY --chown=10001:10001 capabilities /capabilities
USER 10001:10001
WORKDIR /home/naftiko
# REST, MCP (the bundled capability's ports), control (health, status, metrics).
EXPOSE 8080 9090 9091
HEALTHCHECK --interval=10s --timeout=3s --start-period=20s --retries=3 \
    CMD wget -q -O /dev/null http://127.0.0.1:9091/health/ready || exit 1
CMD ["naftiko", "run", "/capabilities", "--address", "0.0.0.0", "--control-port", "9091", "--control-address", "0.0.0.0"]
