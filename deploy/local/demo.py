#!/usr/bin/env python3
"""The trial marriage, narrated: runs the trial-marriage story (as TrialMarriageStoryTest tells it) against the running local stack.

Usage: deploy/local/stack demo   (or python3 deploy/local/demo.py)

Every step is a real call with a real token of the acting party's identity provider; the narration says who did
what and what each party can now see. Python standard library only.
"""
import datetime as dt
import json
import sys
import time
import urllib.error
import urllib.parse
import urllib.request

KEYCLOAK = "http://localhost:8180"
AGREEMENT = "http://localhost:8081"
TRANSPARENCY = "http://localhost:8082"
EXERCISE = "http://localhost:8083"
FUSION = "http://localhost:8084"

BOLD, BLUE, RED, GREEN, DIM, OFF = "\033[1m", "\033[34m", "\033[31m", "\033[32m", "\033[2m", "\033[0m"
if not sys.stdout.isatty():
    BOLD = BLUE = RED = GREEN = DIM = OFF = ""

_tokens = {}


def token(user):
    """Password grant at the user's own realm (password = user name), cached for a minute."""
    cached = _tokens.get(user)
    if cached and cached[1] > time.time():
        return cached[0]
    realm = "nato" if user.startswith("nato-") else "russia"
    body = urllib.parse.urlencode({"grant_type": "password", "client_id": "mdcoop",
                                   "username": user, "password": user}).encode()
    with urllib.request.urlopen(f"{KEYCLOAK}/realms/{realm}/protocol/openid-connect/token", body, timeout=30) as r:
        value = json.load(r)["access_token"]
    _tokens[user] = (value, time.time() + 60)
    return value


def call(method, url, user, body=None):
    """Returns (status, parsed JSON or text). Never raises for an HTTP error: the demo shows refusals too."""
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(url, data=data, method=method)
    request.add_header("Authorization", "Bearer " + token(user))
    if data is not None:
        request.add_header("Content-Type", "application/json")
    try:
        with urllib.request.urlopen(request, timeout=60) as r:
            raw = r.read().decode() or "null"
            return r.status, json.loads(raw) if raw.strip()[:1] in "[{n" else raw
    except urllib.error.HTTPError as e:
        raw = e.read().decode()
        try:
            return e.code, json.loads(raw)
        except ValueError:
            return e.code, raw


def party_of(user):
    return "NATO" if user.startswith("nato-") else "RUSSIA"


def say(user, text):
    colour = BLUE if party_of(user) == "NATO" else RED
    print(f"  {colour}{BOLD}{party_of(user):6}{OFF} {DIM}{user:26}{OFF} {text}")


def chapter(title):
    print(f"\n{BOLD}== {title}{OFF}")
    time.sleep(0.5)


def expect(status, result, wanted, what):
    if status not in (wanted if isinstance(wanted, tuple) else (wanted,)):
        detail = result.get("detail") if isinstance(result, dict) else result
        print(f"  {RED}unexpected {status} for {what}: {detail}{OFF}")
        raise SystemExit(1)
    return result


def wait_until(what, predicate, seconds=60):
    deadline = time.time() + seconds
    while time.time() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(1)
    print(f"  {RED}gave up waiting for {what}{OFF}")
    raise SystemExit(1)


def cooperation_in_force(service, agreement_id):
    status, rows = call("GET", service + "/api/cooperation", "nato-analyst")
    if status != 200:
        return None
    for row in rows:
        if row.get("agreementId") == agreement_id:
            return row.get("inForce")
    return None


def element_open(service, agreement_id, element):
    """True once the service's view has the agreement in force and covering the element."""
    status, rows = call("GET", service + "/api/cooperation", "nato-analyst")
    if status != 200:
        return False
    return any(row.get("agreementId") == agreement_id and row.get("inForce") and element in (row.get("elements") or [])
               for row in rows)


def close_open_agreements():
    status, agreements = call("GET", AGREEMENT + "/api/agreements", "nato-liaison")
    for a in agreements if status == 200 else []:
        if a["status"] == "PROPOSED":
            call("POST", f"{AGREEMENT}/api/agreements/{a['id']}/retract", a["proposer"].lower() + "-liaison")
        elif a["status"] in ("PROVISIONAL", "PERMANENT"):
            call("POST", f"{AGREEMENT}/api/agreements/{a['id']}/withdraw", "nato-liaison",
                 {"reason": "clearing the way for the demo"})


def propose_and_accept(elements, term_months=48):
    status, draft = call("POST", AGREEMENT + "/api/agreements", "nato-liaison",
                         {"elements": elements, "termMonths": term_months})
    draft = expect(status, draft, 201, "draft")
    say("nato-liaison", f"drafts agreement {draft['id'][:8]}… ({', '.join(elements)}; {term_months} months)")
    status, _ = call("GET", f"{AGREEMENT}/api/agreements/{draft['id']}", "russia-analyst")
    say("russia-analyst", f"tries to read the draft → {status} (a draft is NATO's alone)")
    expect(*call("POST", f"{AGREEMENT}/api/agreements/{draft['id']}/submit", "nato-liaison"), 200, "submit")
    say("nato-liaison", "submits it: PROPOSED")
    status, accepted = call("POST", f"{AGREEMENT}/api/agreements/{draft['id']}/accept", "russia-liaison")
    accepted = expect(status, accepted, 200, "accept")
    say("russia-liaison", f"accepts: {accepted['status']}, in force until {accepted['expiresAt'][:10]}")
    return accepted["id"]


def current_round():
    """The current half-year reporting round, or the next one neither party has used (when the demo runs again)."""
    today = dt.date.today()
    year, half = today.year, 1 if today.month <= 6 else 2
    used = set()
    for officer, party in (("nato-transparency-officer", "NATO"), ("russia-transparency-officer", "RUSSIA")):
        status, rows = call("GET", f"{TRANSPARENCY}/api/disclosures?party={party}", officer)
        used |= {r["round"] for r in rows} if status == 200 else set()
    while f"{year}-H{half}" in used:
        year, half = (year, 2) if half == 1 else (year + 1, 1)
    return f"{year}-H{half}"


def disclose(user, kind, content, round_id):
    status, draft = call("POST", TRANSPARENCY + "/api/disclosures", user,
                         {"kind": kind, "round": round_id, "content": content})
    draft = expect(status, draft, 201, kind + " draft")
    expect(*call("POST", f"{TRANSPARENCY}/api/disclosures/{draft['id']}/submit", user), 200, "submit " + kind)
    say(user, f"submits {kind} for {round_id}")
    return draft["id"]


def visible_other_party(user, kind, round_id):
    status, rows = call("GET", f"{TRANSPARENCY}/api/disclosures?kind={kind}&round={round_id}", user)
    other = "RUSSIA" if party_of(user) == "NATO" else "NATO"
    return [r for r in rows if r.get("party") == other] if status == 200 else []


def service_now(service):
    """The service's clock: tests and earlier demo runs may have moved it ahead of the wall clock (dev only)."""
    _, clock = call("GET", service + "/api/clock", "nato-analyst")
    return dt.datetime.fromisoformat(clock["now"].replace("Z", "+00:00")).replace(microsecond=0)


def observed_interceptor_test():
    """NATO announces an interceptor test, Russia observes it, and both see the discrepancies."""
    now = service_now(TRANSPARENCY)
    iso = lambda t: t.isoformat().replace("+00:00", "Z")
    status, test = call("POST", TRANSPARENCY + "/api/tests", "nato-transparency-officer", {
        "windowStart": iso(now + dt.timedelta(hours=1)), "windowEnd": iso(now + dt.timedelta(hours=2)),
        "site": {"lat": 54.48, "lon": 17.1}, "interceptorType": "SM-3 IIA",
        "launchArea": {"shape": "CIRCLE", "centre": {"lat": 54.5, "lon": 17.0}, "radiusKm": 5},
        "impactArea": {"shape": "POLYGON", "vertices": [{"lat": 56, "lon": 18}, {"lat": 56, "lon": 19},
                                                         {"lat": 57, "lon": 18.5}]}})
    test = expect(status, test, 201, "announce test")
    say("nato-transparency-officer", f"announces an interceptor test (late notice: {test.get('late')})")
    expect(*call("POST", f"{TRANSPARENCY}/api/tests/{test['id']}/accept", "russia-transparency-officer",
                 {"observers": ["Obs A", "Obs B"]}), 200, "accept test")
    say("russia-transparency-officer", "accepts to observe with observers Obs A and Obs B")
    call("POST", TRANSPARENCY + "/api/clock/advance", "nato-liaison", {"seconds": 3 * 3600})
    say("nato-liaison", "moves the transparency-service clock past the test window (dev only)")
    expect(*call("POST", f"{TRANSPARENCY}/api/tests/{test['id']}/results", "nato-transparency-officer",
                 {"interceptAltitudeKm": 250, "interceptRangeKm": 400, "burnoutVelocityKmS": 4.5,
                  "flightTimeS": 180, "missDistanceM": 0.5}), 200, "results")
    say("nato-transparency-officer", "records the declared results: intercept at 250 km, burnout 4.5 km/s")
    for observer, altitude, velocity in (("Obs A", 251, 4.52), ("Obs B", 300, 5.2)):
        expect(*call("POST", f"{TRANSPARENCY}/api/tests/{test['id']}/observations", "russia-transparency-officer",
                     {"observer": observer, "measurements": {"interceptAltitudeKm": altitude,
                                                             "burnoutVelocityKmS": velocity}}), 200, "observation")
        say("russia-transparency-officer", f"{observer} measured {altitude} km, {velocity} km/s")
    _, comparison = call("GET", f"{TRANSPARENCY}/api/tests/{test['id']}/comparison", "nato-analyst")
    for c in comparison.get("comparisons", []):
        found = ", ".join(f"{d['quantity']} off by {d['difference']:.2f}" for d in c.get("discrepancies", [])) or "none"
        say("nato-analyst", f"comparison with {c['observer']}: discrepancies {found}")


# The four demo radars of the fusion scenario data (ids and parties the exercises' default sensors use).
DEMO_SENSORS = [("nato-fusion-operator", "NATO-1", 38.35, 37.79, 80, 1),
                ("nato-fusion-operator", "NATO-2", 44.0, 24.4, 150, 2),
                ("russia-fusion-operator", "RUSSIA-1", 45.0, 41.0, 300, 4),
                ("russia-fusion-operator", "RUSSIA-2", 55.0, 20.5, 200, 3)]


def seed_sensors(verbose):
    """Registers the demo sensors with the fusion centre, each by its own party's operator; idempotent."""
    for user, sensor_id, lat, lon, sigma, revisit in DEMO_SENSORS:
        status, _ = call("GET", f"{FUSION}/api/sensors/{sensor_id}", user)
        if status == 200:
            continue
        status, result = call("POST", FUSION + "/api/sensors", user,
                              {"id": sensor_id, "type": "EARLY_WARNING_RADAR", "latDeg": lat, "lonDeg": lon,
                               "altM": 0, "sigmaM": sigma, "revisitS": revisit})
        if verbose or status not in (200, 201):
            say(user, f"registers sensor {sensor_id} → {status}")


def main():
    print(f"{BOLD}mdcoop — the provisional NATO–Russia missile-defence cooperation, step by step{OFF}")
    close_open_agreements()

    chapter("1. The agreement: NATO proposes, Russia accepts")
    elements = ["TRANSPARENCY", "JOINT_EXERCISES", "DATA_FUSION_CENTRE", "COOPERATION_CENTRE"]
    agreement_id = propose_and_accept(elements)
    for name, url in (("transparency", TRANSPARENCY), ("exercise", EXERCISE), ("fusion", FUSION)):
        wait_until(name + " sees the agreement", lambda: cooperation_in_force(url, agreement_id))
        print(f"  {GREEN}{name}-service: cooperation in force{OFF}")

    chapter("2. Reciprocal transparency")
    round_id = current_round()
    disclose("nato-transparency-officer", "INVENTORY", {"components": [
        {"type": "INTERCEPTOR_SITE", "designation": "Site A", "count": 24, "lat": 54.48, "lon": 17.1,
         "status": "OPERATIONAL"},
        {"type": "RADAR", "designation": "Radar R1", "count": 1, "lat": 38.35, "lon": 37.79,
         "status": "OPERATIONAL"}]}, round_id)
    seen = visible_other_party("russia-transparency-officer", "INVENTORY", round_id)
    say("russia-transparency-officer", f"sees {len(seen)} NATO inventory disclosure(s) before submitting its own")
    disclose("russia-transparency-officer", "INVENTORY", {"components": [
        {"type": "RADAR", "designation": "Voronezh-DM A", "count": 1, "lat": 44.9, "lon": 38.9,
         "status": "OPERATIONAL"}]}, round_id)
    seen = visible_other_party("russia-transparency-officer", "INVENTORY", round_id)
    say("russia-transparency-officer", f"now sees {len(seen)} NATO inventory disclosure(s): reciprocity met")
    performance = {"interceptors": [{"interceptorType": "SM-3 IIA", "maxRangeKm": 2500, "maxAltitudeKm": 1000,
                                      "burnoutVelocityKmS": 4.5}]}
    disclose("nato-transparency-officer", "INTERCEPTOR_PERFORMANCE", performance, round_id)
    disclose("russia-transparency-officer", "INTERCEPTOR_PERFORMANCE", {"interceptors": [
        {"interceptorType": "S-500", "maxRangeKm": 600, "maxAltitudeKm": 200, "burnoutVelocityKmS": 7.0}]}, round_id)
    observed_interceptor_test()

    chapter("3. The joint data fusion centre and a joint exercise")
    seed_sensors(verbose=True)
    now = service_now(EXERCISE)
    window = {"start": now.isoformat().replace("+00:00", "Z"),
              "end": (now + dt.timedelta(hours=2)).isoformat().replace("+00:00", "Z")}
    inject = {"timeOffsetS": 0, "launchLat": 45.0, "launchLon": 33.0, "impactLat": 42.0, "impactLon": 39.0,
              "missileClass": "SRBM", "burnoutSpeedKmS": 2.6}
    status, ex = call("POST", EXERCISE + "/api/exercises", "russia-exercise-planner",
                      {"name": "Shield of Europe " + now.strftime("%H%M%S"), "kind": "COMPUTER_ASSISTED",
                       "window": window, "injects": [inject]})
    ex = expect(status, ex, 201, "propose exercise")
    say("russia-exercise-planner", f"proposes exercise '{ex['name']}' (one SRBM launch)")
    status, result = call("POST", f"{EXERCISE}/api/exercises/{ex['id']}/approve", "russia-exercise-planner",
                          {"scenarioVersion": 1})
    say("russia-exercise-planner", f"tries to approve its own exercise → {status}")
    expect(*call("POST", f"{EXERCISE}/api/exercises/{ex['id']}/approve", "nato-exercise-planner",
                 {"scenarioVersion": 1}), 200, "approve")
    say("nato-exercise-planner", "approves scenario version 1")
    expect(*call("POST", f"{EXERCISE}/api/exercises/{ex['id']}/start", "russia-exercise-planner"), 200, "start")
    say("russia-exercise-planner", "starts it: synthetic reports flow to the fusion centre")

    def exercise_tracks():
        status, picture = call("GET", f"{FUSION}/api/picture?exerciseId={ex['id']}", "nato-analyst")
        tracks = picture.get("tracks", picture) if isinstance(picture, dict) else picture
        return tracks if status == 200 and tracks else None

    tracks = wait_until("a fused exercise track", exercise_tracks, seconds=240)
    for analyst in ("nato-analyst", "russia-analyst"):
        status, picture = call("GET", f"{FUSION}/api/picture?exerciseId={ex['id']}", analyst)
        rows = picture.get("tracks", picture) if isinstance(picture, dict) else picture
        for t in rows[:2]:
            say(analyst, f"sees track {str(t.get('trackId'))[:12]} class {t.get('missileClass')} "
                         f"alt {t.get('altitudeM', 0) / 1000:.0f} km, speed {t.get('speedMps', 0) / 1000:.2f} km/s, "
                         f"parties {t.get('contributingParties')} (exercise)")
    time.sleep(5)
    expect(*call("POST", f"{EXERCISE}/api/exercises/{ex['id']}/complete", "russia-exercise-planner"), 200, "complete")
    status, report = call("GET", f"{EXERCISE}/api/exercises/{ex['id']}/report", "nato-exercise-planner")
    if status == 200:
        revision = report.get("revision", 1)
        for planner in ("russia-exercise-planner", "nato-exercise-planner"):
            status, report = call("POST", f"{EXERCISE}/api/exercises/{ex['id']}/report/approve", planner,
                                  {"revision": revision})
            say(planner, f"approves the after-action report → {report.get('status') if status == 200 else status}")

    chapter("4. The cooperation centre and the extension")
    status, amendment = call("POST", f"{AGREEMENT}/api/agreements/{agreement_id}/amendments", "nato-liaison",
                             {"title": "Joint launch-notification hotline", "text": "Exchange pre-launch notices."})
    amendment = expect(status, amendment, 201, "amendment")
    say("nato-liaison", f"proposes amendment '{amendment['title']}'")
    status, amendment = call("POST", f"{AGREEMENT}/api/agreements/{agreement_id}/amendments/{amendment['id']}/endorse",
                             "russia-liaison")
    say("russia-liaison", f"endorses it: {amendment.get('status')}")
    for user in ("nato-liaison", "russia-liaison"):
        status, a = call("PUT", f"{AGREEMENT}/api/agreements/{agreement_id}/extension-consent", user, {"months": 24})
        say(user, f"consents to a 24-month extension → expires {a.get('expiresAt', '')[:10]}")

    chapter("5. One element stopped alone, re-opened by both")
    status, a = call("POST", f"{AGREEMENT}/api/agreements/{agreement_id}/elements/JOINT_EXERCISES/stop", "russia-liaison",
                     {"reason": "the exercises come too close to our border"})
    a = expect(status, a, 200, "stop JOINT_EXERCISES")
    say("russia-liaison", f"stops JOINT_EXERCISES alone: the agreement stays {a['status']}, "
                          f"elements now {', '.join(a['elements'])}")
    wait_until("exercise-service closes the element",
               lambda: not element_open(EXERCISE, agreement_id, "JOINT_EXERCISES"), seconds=30)
    status, result = call("POST", EXERCISE + "/api/exercises", "nato-exercise-planner",
                          {"name": "Refused " + now.strftime("%H%M%S"), "kind": "COMMAND_POST",
                           "window": window, "injects": [inject]})
    say("nato-exercise-planner", f"tries to propose an exercise → {status} "
                                 f"{result.get('type', '') if isinstance(result, dict) else ''}")
    say("nato-analyst", "transparency and the fusion centre go on: "
                        f"transparency in force={cooperation_in_force(TRANSPARENCY, agreement_id)}, "
                        f"fusion in force={cooperation_in_force(FUSION, agreement_id)}")
    status, reopen = call("POST", f"{AGREEMENT}/api/agreements/{agreement_id}/amendments", "nato-liaison",
                          {"title": "Joint exercises again", "text": "Resume the joint exercises.",
                           "type": "ADD_ELEMENT", "element": "JOINT_EXERCISES"})
    reopen = expect(status, reopen, 201, "ADD_ELEMENT amendment")
    say("nato-liaison", "proposes an ADD_ELEMENT amendment: re-opening needs both parties")
    status, reopen = call("POST", f"{AGREEMENT}/api/agreements/{agreement_id}/amendments/{reopen['id']}/endorse",
                          "russia-liaison")
    say("russia-liaison", f"endorses it: {reopen.get('status')}, {reopen.get('effect')}")
    wait_until("exercise-service re-opens the element",
               lambda: element_open(EXERCISE, agreement_id, "JOINT_EXERCISES"), seconds=30)

    chapter("6. Russia walks away")
    status, ex2 = call("POST", EXERCISE + "/api/exercises", "nato-exercise-planner",
                       {"name": "Northern Watch " + now.strftime("%H%M%S"), "kind": "COMMAND_POST",
                        "window": {"start": window["start"], "end": window["end"]}, "injects": [inject]})
    if status == 201:
        call("POST", f"{EXERCISE}/api/exercises/{ex2['id']}/approve", "russia-exercise-planner", {"scenarioVersion": 1})
        call("POST", f"{EXERCISE}/api/exercises/{ex2['id']}/start", "nato-exercise-planner")
        say("nato-exercise-planner", f"a second exercise '{ex2['name']}' is RUNNING")
    status, a = call("POST", f"{AGREEMENT}/api/agreements/{agreement_id}/withdraw", "russia-liaison",
                     {"reason": "national security interests"})
    say("russia-liaison", f"withdraws: {a.get('status')}")
    for name, url in (("transparency", TRANSPARENCY), ("exercise", EXERCISE), ("fusion", FUSION)):
        wait_until(name + " sees the end", lambda: cooperation_in_force(url, agreement_id) is False, seconds=30)
        print(f"  {GREEN}{name}-service: cooperation ended{OFF}")
    status, result = call("POST", TRANSPARENCY + "/api/disclosures", "nato-transparency-officer",
                          {"kind": "DEPLOYMENT_PLAN", "round": round_id, "content": {"phases": [
                              {"name": "Phase 1", "startDate": "2027-01-01", "endDate": "2027-12-31",
                               "sites": [{"designation": "Site Alpha", "lat": 54.48, "lon": 17.1, "count": 24}]}]}})
    if status == 201:
        status, result = call("POST", f"{TRANSPARENCY}/api/disclosures/{result['id']}/submit",
                              "nato-transparency-officer")
    say("nato-transparency-officer", f"tries to submit a disclosure → {status} {result.get('type', '') if isinstance(result, dict) else ''}")
    if isinstance(ex2, dict) and ex2.get("id"):
        status, e = call("GET", f"{EXERCISE}/api/exercises/{ex2['id']}", "nato-exercise-planner")
        say("nato-exercise-planner", f"the running exercise is now {e.get('status')}")
    report = {"reportId": "DEMO-" + str(int(time.time())), "sensorId": "NATO-1",
              "t": service_now(FUSION).isoformat().replace("+00:00", "Z"),
              "xM": 3360793.9, "yM": 4225258.4, "zM": 3568452.5, "sigmaM": 80.0}
    status, result = call("POST", FUSION + "/api/reports", "nato-fusion-operator", [report])
    say("nato-fusion-operator", f"tries to send reports to the fusion centre → {status}")
    seen = visible_other_party("nato-transparency-officer", "INVENTORY", round_id)
    status, own = call("GET", f"{TRANSPARENCY}/api/disclosures?kind=INVENTORY&round={round_id}&party=NATO",
                       "nato-transparency-officer")
    say("nato-transparency-officer", f"still reads {len(own) if status == 200 else 0} own disclosure(s); "
                                     f"Russia's visible: {len(seen)}")
    status, verify = call("GET", AGREEMENT + "/api/audit/verify", "russia-auditor")
    say("russia-auditor", f"verifies the joint audit chain: valid={verify.get('valid')}, "
                          f"{verify.get('checkedEntries')} entries")

    chapter("7. The other ending: the term runs out")
    second = propose_and_accept(["TRANSPARENCY"], term_months=1)
    call("POST", AGREEMENT + "/api/clock/advance", "nato-liaison", {"seconds": 32 * 24 * 3600})
    say("nato-liaison", "moves the agreement-service clock 32 days forward (dev only)")
    wait_until("expiry", lambda: call("GET", f"{AGREEMENT}/api/agreements/{second}", "nato-analyst")[1]
               .get("status") == "EXPIRED", seconds=30)
    say("nato-analyst", "sees the agreement EXPIRED: nobody had to act")
    print(f"\n{BOLD}The end.{OFF}")


if __name__ == "__main__":
    try:
        if sys.argv[1:] == ["--seed"]:
            seed_sensors(verbose=False)
            print("    demo data: sensors NATO-1, NATO-2, RUSSIA-1, RUSSIA-2 registered with the fusion centre")
        else:
            main()
    except urllib.error.URLError as e:
        print(f"{RED}cannot reach the stack ({e}); start it with: deploy/local/stack up{OFF}")
        sys.exit(1)
