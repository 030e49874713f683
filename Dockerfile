# syntax=docker/dockerfile:1
#
# forecast-service image, CPU (the default target) or CUDA (the runtime-cuda target):
#   docker build -t forecast-service:0.1.0 .
#   docker build --target runtime-cuda -t forecast-service:0.1.0-cuda .
#   podman build --format docker -t forecast-service:0.1.0 .     (docker format keeps the HEALTHCHECK)
#
# GPU support (runtime-cuda): ND4J's nd4j-cuda-11.6 1.0.0-M2.1 carries kernels for compute
# capability 3.7 to 8.6 and no PTX. Kepler (sm_37) to Ampere and Ada GPUs work; Hopper (H100/H200)
# and newer do not, and the worker falls back to CPU there with a clear log message. The host needs
# an NVIDIA driver for CUDA 11.6 or newer and the NVIDIA container toolkit.
#
# Stages: build (Maven wrapper on a JDK), app-cpu / app-cuda (layered extraction of the Boot jar;
# the CPU natives pre-unpacked), base-cuda (the JRE on the CUDA runtime), runtime-cuda (the GPU
# image), runtime (the CPU image). Every FROM names its stage or image literally (no build argument
# picks a stage): buildah/podman skip stages chosen through an unexpanded ARG default, so the
# default target builds with `docker build .` and `podman build .` alike. The two runtime stages
# differ only where noted (DockerfileTests keeps the rest identical). Base images are named in full
# (docker.io/...): podman resolves no short names unless registries.conf lists a search registry.

ARG JDK_IMAGE=docker.io/library/eclipse-temurin:17-jdk-jammy
ARG JRE_IMAGE=docker.io/library/eclipse-temurin:17-jre-jammy
ARG CUDA_IMAGE=docker.io/nvidia/cuda:11.6.2-cudnn8-runtime-ubuntu20.04

# ---- build: the Maven wrapper on JDK 17; dependencies first so code changes reuse their layer ----
FROM ${JDK_IMAGE} AS build
WORKDIR /workspace
COPY mvnw pom.xml ./
COPY .mvn/ .mvn/
RUN --mount=type=cache,target=/root/.m2 \
    ./mvnw -B -q -Pcpu dependency:resolve dependency:resolve-plugins
COPY db/ db/
COPY src/main/ src/main/
COPY docker/UnpackNatives.java docker/

# ---- app-cpu: the jar with the ND4J CPU backend, extracted into layers; natives pre-unpacked ----
FROM build AS app-cpu
# Images always use an external PostgreSQL: the embedded one's binaries (io.zonky.test.postgres,
# ~15 MB) stay out of the jar, and the runtime sets FORECAST_DATABASE_EMBEDDED_ENABLED=false.
RUN --mount=type=cache,target=/root/.m2 \
    ./mvnw -B -q -Pcpu clean package -DskipTests -Dspring-boot.excludeGroupIds=io.zonky.test.postgres \
 && java -Djarmode=tools -jar target/forecast-service-*.jar extract --layers --launcher --destination /extracted
# Loads ND4J once, copies the ~360 MB of native libraries JavaCPP unpacks into /natives and takes
# the jars they came from off the class path (and out of the image): containers load the libraries
# in place (pathsFirst) and JavaCPP writes nothing, not even with a writable /tmp.
RUN java -Dorg.bytedeco.javacpp.cachedir=/tmp/javacpp-warmup -cp "/extracted/dependencies/BOOT-INF/lib/*" \
      docker/UnpackNatives.java /natives /extracted \
 && rm -rf /tmp/javacpp-warmup

# ---- app-cuda: the jar with the ND4J CUDA 11.6 backend (Maven profile cuda) ----
FROM build AS app-cuda
RUN --mount=type=cache,target=/root/.m2 \
    ./mvnw -B -q -Pcuda clean package -DskipTests -Dspring-boot.excludeGroupIds=io.zonky.test.postgres \
 && java -Djarmode=tools -jar target/forecast-service-*.jar extract --layers --launcher --destination /extracted
# The CUDA backend cannot load without a GPU driver, so nothing is pre-unpacked here: JavaCPP
# unpacks its libraries (over 1 GB) at start into the writable cache dir (/tmp/javacpp-cache).
RUN mkdir -p /natives

# ---- base-cuda: the same Temurin JRE as the CPU image (built for old glibc; runs on Ubuntu 20.04) ----
FROM ${JRE_IMAGE} AS jre
FROM ${CUDA_IMAGE} AS base-cuda
ENV JAVA_HOME=/opt/java/openjdk
ENV PATH="${JAVA_HOME}/bin:${PATH}"
COPY --from=jre /opt/java/openjdk /opt/java/openjdk

# ---- runtime-cuda: the GPU image (--target runtime-cuda) ----
FROM base-cuda AS runtime-cuda
RUN apt-get update \
 && apt-get install -y --no-install-recommends curl ca-certificates \
 && rm -rf /var/lib/apt/lists/* \
 && groupadd --system --gid 10001 spring \
 && useradd --system --uid 10001 --gid spring --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin spring
WORKDIR /app
COPY --from=app-cuda /natives/ /opt/forecast/native/
COPY --from=app-cuda /extracted/dependencies/ ./
COPY --from=app-cuda /extracted/spring-boot-loader/ ./
COPY --from=app-cuda /extracted/snapshot-dependencies/ ./
COPY --from=app-cuda /extracted/application/ ./
# differs: CUDA 11.6 runtime, cuBLAS and cuSOLVER (libcublas.so.11, libcusolver.so.11) from the base
ENV FORECAST_NATIVE_PATH=/opt/forecast/native:/usr/local/cuda/lib64 \
    FORECAST_VARIANT=cuda
ENV JAVA_OPTS="-XX:MaxRAMPercentage=35 -XX:+ExitOnOutOfMemoryError -Dorg.bytedeco.javacpp.maxbytes=100% -Dorg.bytedeco.javacpp.maxphysicalbytes=220%" \
    JAVACPP_CACHE_DIR=/tmp/javacpp-cache \
    FORECAST_DATABASE_EMBEDDED_ENABLED=false \
    SERVER_PORT=8080
USER 10001:10001
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=5s --start-period=120s --retries=3 \
  CMD curl -fsS "http://127.0.0.1:${SERVER_PORT}/actuator/health/liveness" || exit 1
ENTRYPOINT ["sh", "-c", "exec java $JAVA_OPTS -Djava.library.path=$FORECAST_NATIVE_PATH -Dorg.bytedeco.javacpp.pathsFirst=true -Dorg.bytedeco.javacpp.cachedir=$JAVACPP_CACHE_DIR -cp /app org.springframework.boot.loader.launch.JarLauncher \"$@\"", "forecast-service"]

# ---- runtime: the CPU image, the default target (JRE 17 on glibc: ND4J needs glibc and libstdc++, so no Alpine) ----
FROM ${JRE_IMAGE} AS runtime
RUN apt-get update \
 && apt-get install -y --no-install-recommends curl ca-certificates \
 && rm -rf /var/lib/apt/lists/* \
 && groupadd --system --gid 10001 spring \
 && useradd --system --uid 10001 --gid spring --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin spring
WORKDIR /app
# Layers from least to most often changed: a code change rebuilds only the last (small) ones.
COPY --from=app-cpu /natives/ /opt/forecast/native/
COPY --from=app-cpu /extracted/dependencies/ ./
COPY --from=app-cpu /extracted/spring-boot-loader/ ./
COPY --from=app-cpu /extracted/snapshot-dependencies/ ./
COPY --from=app-cpu /extracted/application/ ./
# differs: the pre-unpacked natives only
ENV FORECAST_NATIVE_PATH=/opt/forecast/native \
    FORECAST_VARIANT=cpu
# Memory within the container limit: the heap takes MaxRAMPercentage of the limit; ND4J's
# off-heap arrays (JavaCPP maxbytes) may take as much again (100% = the max heap); the whole
# process (JavaCPP maxphysicalbytes, heap included) stays under 220% of the heap = 77% of the limit,
# leaving room for metaspace, threads and the ~360 MB of mapped native code. Override JAVA_OPTS.
# Writable at run time: only java.io.tmpdir (/tmp: Tomcat's work files, buffered uploads; start-up
# stops with a message saying to mount one if it is missing or read-only). JavaCPP may create the
# empty folder JAVACPP_CACHE_DIR there but writes nothing into it in this image.
ENV JAVA_OPTS="-XX:MaxRAMPercentage=35 -XX:+ExitOnOutOfMemoryError -Dorg.bytedeco.javacpp.maxbytes=100% -Dorg.bytedeco.javacpp.maxphysicalbytes=220%" \
    JAVACPP_CACHE_DIR=/tmp/javacpp-cache \
    FORECAST_DATABASE_EMBEDDED_ENABLED=false \
    SERVER_PORT=8080
USER 10001:10001
EXPOSE 8080
# Kept by docker build and `podman build --format docker`; podman's default OCI format drops it,
# and podman runs healthchecks only through systemd timers (see docs/deployment.md).
HEALTHCHECK --interval=30s --timeout=5s --start-period=120s --retries=3 \
  CMD curl -fsS "http://127.0.0.1:${SERVER_PORT}/actuator/health/liveness" || exit 1
# exec: Java is PID 1 and receives SIGTERM for the graceful shutdown. Arguments go to Spring Boot.
ENTRYPOINT ["sh", "-c", "exec java $JAVA_OPTS -Djava.library.path=$FORECAST_NATIVE_PATH -Dorg.bytedeco.javacpp.pathsFirst=true -Dorg.bytedeco.javacpp.cachedir=$JAVACPP_CACHE_DIR -cp /app org.springframework.boot.loader.launch.JarLauncher \"$@\"", "forecast-service"]
