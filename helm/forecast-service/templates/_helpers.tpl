{{/* Chart name. */}}
{{- define "forecast-service.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* Fully qualified app name (63 characters at most: DNS names). */}}
{{- define "forecast-service.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{- define "forecast-service.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* Common labels. */}}
{{- define "forecast-service.labels" -}}
helm.sh/chart: {{ include "forecast-service.chart" . }}
{{ include "forecast-service.selectorLabels" . }}
{{- if .Chart.AppVersion }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
{{- end }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/part-of: forecast-service
{{- end }}

{{/* Selector labels; each Deployment adds app.kubernetes.io/component (api or worker). */}}
{{- define "forecast-service.selectorLabels" -}}
app.kubernetes.io/name: {{ include "forecast-service.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{- define "forecast-service.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "forecast-service.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- default "default" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{/* The CPU image. */}}
{{- define "forecast-service.image" -}}
{{- printf "%s:%s" .Values.image.repository (default .Chart.AppVersion .Values.image.tag) }}
{{- end }}

{{/* The worker's image: the CUDA one when gpu.enabled. */}}
{{- define "forecast-service.workerImage" -}}
{{- if .Values.gpu.enabled }}
{{- $tag := default (printf "%s-cuda" (default .Chart.AppVersion .Values.image.tag)) .Values.gpu.image.tag }}
{{- printf "%s:%s" (default .Values.image.repository .Values.gpu.image.repository) $tag }}
{{- else }}
{{- include "forecast-service.image" . }}
{{- end }}
{{- end }}

{{/* The Secret holding the datasource password. */}}
{{- define "forecast-service.secretName" -}}
{{- if .Values.postgresql.existingSecret }}
{{- .Values.postgresql.existingSecret }}
{{- else }}
{{- printf "%s-db" (include "forecast-service.fullname" .) }}
{{- end }}
{{- end }}

{{- define "forecast-service.secretKey" -}}
{{- if .Values.postgresql.existingSecret }}
{{- .Values.postgresql.existingSecretPasswordKey }}
{{- else -}}
password
{{- end }}
{{- end }}

{{- define "forecast-service.jdbcUrl" -}}
{{- $pg := .Values.postgresql }}
{{- printf "jdbc:postgresql://%s:%v/%s" (required "postgresql.host is required" $pg.host) $pg.port (required "postgresql.database is required" $pg.database) }}
{{- with $pg.parameters }}?{{ . }}{{ end }}
{{- end }}

{{/* The Secret holding the API keys, or nothing when the service runs open. */}}
{{- define "forecast-service.keysSecretName" -}}
{{- $sec := .Values.security }}
{{- if $sec.existingSecret }}
{{- $sec.existingSecret }}
{{- else if $sec.apiKeys }}
{{- printf "%s-api-keys" (include "forecast-service.fullname" .) }}
{{- else if not $sec.open }}
{{- fail "security: set security.apiKeys or security.existingSecret (API keys), or security.open=true to run without keys" }}
{{- end }}
{{- end }}

{{/* Environment shared by both roles: the datasource password and the API keys, from Secrets. */}}
{{- define "forecast-service.env" -}}
- name: SPRING_DATASOURCE_PASSWORD
  valueFrom:
    secretKeyRef:
      name: {{ include "forecast-service.secretName" . }}
      key: {{ include "forecast-service.secretKey" . }}
{{- with (include "forecast-service.keysSecretName" .) }}
- name: FORECAST_SECURITY_API_KEYS
  valueFrom:
    secretKeyRef:
      name: {{ . }}
      key: {{ if $.Values.security.existingSecret }}{{ $.Values.security.existingSecretKey }}{{ else }}api-keys{{ end }}
{{- end }}
{{- with .Values.extraEnv }}
{{ toYaml . }}
{{- end }}
{{- end }}

{{/* HTTP probes on the actuator health groups. */}}
{{- define "forecast-service.probes" -}}
startupProbe:
  httpGet:
    path: /actuator/health/liveness
    port: http
  periodSeconds: {{ .Values.probes.startup.periodSeconds }}
  failureThreshold: {{ .Values.probes.startup.failureThreshold }}
livenessProbe:
  httpGet:
    path: /actuator/health/liveness
    port: http
  periodSeconds: {{ .Values.probes.liveness.periodSeconds }}
  timeoutSeconds: {{ .Values.probes.liveness.timeoutSeconds }}
  failureThreshold: {{ .Values.probes.liveness.failureThreshold }}
readinessProbe:
  httpGet:
    path: /actuator/health/readiness
    port: http
  periodSeconds: {{ .Values.probes.readiness.periodSeconds }}
  timeoutSeconds: {{ .Values.probes.readiness.timeoutSeconds }}
  failureThreshold: {{ .Values.probes.readiness.failureThreshold }}
{{- end }}
