#!/usr/bin/env bash
# One Kazakhstan process through the API with curl, the same walk as api.http: start it, complete its steps,
# record the agencies' answers, close the invitations, then read the process and its audit trail.
#
#   TOKEN=wg_... samples/api.sh                  # BASE_URL defaults to http://localhost:5178
#
# Needs curl and jq, a running app, and a token of a KZ coordinator or an Admin (see samples/README.md).
# Each request checks the status it should answer; the script stops at the first surprise.
set -euo pipefail

BASE_URL="${BASE_URL:-http://localhost:5178}"
: "${TOKEN:?set TOKEN to a bearer token (wg_...): see samples/README.md}"
for tool in curl jq; do command -v "$tool" >/dev/null || { echo "api.sh needs $tool" >&2; exit 1; }; done
ANSWER=$(mktemp)
trap 'rm -f "$ANSWER"' EXIT

# call METHOD PATH EXPECTED-STATUS [JSON-BODY]: prints the status, keeps the answer in $BODY.
call() {
  local method=$1 path=$2 expected=$3 data=${4:-}
  local args=(-s -o "$ANSWER" -w '%{http_code}' -X "$method" -H "Authorization: Bearer $TOKEN")
  [[ -n $data ]] && args+=(-H 'Content-Type: application/json' --data "$data")
  local status
  status=$(curl "${args[@]}" "$BASE_URL$path")
  BODY=$(cat "$ANSWER")
  echo "$method $path -> $status"
  if [[ $status != "$expected" ]]; then echo "expected $expected: $BODY" >&2; exit 1; fi
}

call GET /api/v1/me 200
echo "  signed in as $(jq -r '.email' <<<"$BODY")"

call POST /api/v1/processes 201 '{"definitionId":"kz-establishment","startedOn":"2025-09-01","title":"Kazakhstan: walkthrough from samples/api.sh"}'
P=/api/v1/processes/$(jq -r '.id' <<<"$BODY")
echo "  active: $(jq -r '.activeSteps | join(", ")' <<<"$BODY")"

call POST "$P/steps/start-procedure/complete" 200 '{"completedOn":"2025-09-12","note":"Procedure opened under the internal regulations of the MES."}'
call POST "$P/steps/draft-order/complete" 200 '{"completedOn":"2025-10-03","evidence":[{"title":"Draft order","date":"2025-10-03"},{"title":"Provisions on the WG (tasks, functions, rights)","date":"2025-10-03"}]}'

# A step that is not open yet is refused with problem details naming what it waits for.
call POST "$P/steps/approve-composition/complete" 409 '{"completedOn":"2025-10-10"}'
echo "  $(jq -r '.detail' <<<"$BODY")"

call POST "$P/steps/letter-to-minister/complete" 200 '{"completedOn":"2025-10-14","evidence":[{"title":"Letter to the Minister of Emergency Situations","number":"25-1-13/2210","date":"2025-10-14"}]}'
echo "  active: $(jq -r '.activeSteps | join(", ")' <<<"$BODY")"

call POST "$P/steps/invitations/invitations/dmc-mfa" 200 '{"response":"accepted","respondedOn":"2025-10-17","nominee":{"name":"Sample nominee, DMC MFA","position":"Head of division","email":"dmc-mfa.nominee@example.org"}}'
call POST "$P/steps/invitations/invitations/cwr-menr" 200 '{"response":"accepted","respondedOn":"2025-11-12","nominee":{"name":"Sample nominee, CWR MENR","position":"Chief expert","email":"cwr-menr.nominee@example.org"}}'
call POST "$P/steps/invitations/invitations/iwac" 400 '{"response":"declined"}'
echo "  $(jq -r '.detail' <<<"$BODY")"
call POST "$P/steps/invitations/invitations/iwac" 200 '{"response":"declined","respondedOn":"2025-11-14","reason":"Takes part as an observer instead."}'

# Closing the invitations records the bodies that never answered as such.
call POST "$P/steps/invitations/complete" 200 '{"completedOn":"2025-11-28","note":"Closed; the bodies that have not answered are asked again at the first meeting."}'
call POST "$P/steps/approve-composition/complete" 200 '{"completedOn":"2025-12-22","evidence":[{"title":"Order approving the composition of the WG","number":"212-ө","date":"2025-12-22"}]}'

call GET "$P" 200
jq -r '"  \(.status) on \(.establishedOn): \(.elapsedDays) days against a benchmark of \(.benchmarkDays) (\(.state))"' <<<"$BODY"
call GET "$P/audit" 200
echo "  $(jq 'length' <<<"$BODY") audit entries"
call GET "/api/v1/processes?country=KZ&status=established" 200
echo "  $(jq 'length' <<<"$BODY") established Kazakhstan process(es)"

call GET "/api/v1/dashboards/portfolio" 200
echo "  dashboard: $(jq '.processes | length' <<<"$BODY") process(es); most overdue: $(jq -r '.processes[0] | "\(.title), \(.elapsedDays) of \(.benchmarkDays) days"' <<<"$BODY")"
call GET "/api/v1/dashboards/steps?country=KZ" 200
echo "  slowest Kazakhstan step by median: $(jq -r '[.steps[] | select(.medianDays != null)] | max_by(.medianDays) | "\(.stepId), \(.medianDays) days against \(.benchmarkDays)"' <<<"$BODY")"
