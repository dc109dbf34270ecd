// Shapes of what the console's API answers (the services' records, relayed unchanged).

export type PartyName = 'NATO' | 'RUSSIA';

export interface Session {
  party: PartyName;
  username: string;
  subject: string;
  roles: string[];
  csrfToken: string;
  logoutPath: string;
}

/** fusion-service's FusedTrackMessage: one confirmed fused track at one time. */
export interface Track {
  trackId: string;
  t: string;
  latDeg: number;
  lonDeg: number;
  altitudeM: number;
  speedMps: number;
  contributingParties: PartyName[];
  missileClass: string | null;
  classConfidence: number;
  launchLatDeg: number | null;
  launchLonDeg: number | null;
  impactLatDeg: number | null;
  impactLonDeg: number | null;
  impactAt: string | null;
  /** 1-sigma impact ellipse: semi-axes (m), the major axis's azimuth clockwise from north */
  impactEllipseMajorM?: number | null;
  impactEllipseMinorM?: number | null;
  impactEllipseBearingDeg?: number | null;
  exercise: boolean;
  exerciseId: string | null;
  contributingSensors?: string[];
  /** position and velocity, Earth-centred (ECEF axes; m, m/s): the climb or descent the flight phase is read from */
  xM?: number;
  yM?: number;
  zM?: number;
  vxMps?: number;
  vyMps?: number;
  vzMps?: number;
}

/** fusion-service's TrackEndedMessage: the `fusion.track-ended` event of the picture's stream. */
export interface TrackEnded {
  trackId: string;
  stream: string;
  t: string;
  reason: 'DELETED' | 'CLOSED' | string;
  lastUpdateNumber: number;
  exercise: boolean;
  exerciseId: string | null;
}

/** fusion-service's SensorView: the other party's sensors come without position or accuracy. */
export interface Sensor {
  id: string;
  party: PartyName;
  type: string;
  latDeg?: number;
  lonDeg?: number;
  altM?: number;
  sigmaM?: number;
  revisitS?: number;
}

export interface PictureView {
  centreOpen: boolean;
  agreementId: string | null;
  count: number;
  tracks: Track[];
}

/** agreement-service's AgreementStatusMessage (GET /api/agreements/status, every role). */
export interface AgreementStatus {
  agreementId: string;
  status: string;
  elements: string[];
  inForce: boolean;
  effectiveAt: string | null;
  expiresAt: string | null;
  noticeEndsAt: string | null;
  endedAt: string | null;
  /** Monotonic per agreement (not comparable across agreements). */
  revision: number;
}

/** agreement-service's AgreementView (GET /api/agreements, liaison, analyst, auditor). */
export interface AgreementView {
  id: string;
  status: string;
  proposer: PartyName;
  elements: string[];
  termMonths: number;
  effectiveAt: string | null;
  expiresAt: string | null;
  inForce: boolean;
  allowedActions: string[];
  /** Elements one party stopped alone (issue 16); re-opened only by an ADD_ELEMENT amendment. */
  stoppedElements?: string[];
  extensionConsents?: Partial<Record<PartyName, { months: number; at: string }>>;
  permanenceConsents?: Partial<Record<PartyName, { at: string }>>;
}

/** agreement-service's AmendmentView. */
export interface Amendment {
  id: string;
  proposedBy: PartyName;
  title: string;
  text: string;
  status: 'PROPOSED' | 'ADOPTED' | 'REJECTED';
  endorsements: Partial<Record<PartyName, string>>;
  history: { at: string; party: PartyName | null; action: string; note: string | null }[];
  allowedActions: string[];
  /** What adoption changes (issue 16); TEXT changes nothing. */
  type?: AmendmentType;
  element?: string | null;
  noticeMonths?: number | null;
  /** What the adopted amendment changed, e.g. "JOINT_EXERCISES opened". */
  effect?: string | null;
}

export type AmendmentType = 'TEXT' | 'ADD_ELEMENT' | 'REMOVE_ELEMENT' | 'CHANGE_NOTICE_PERIOD';

export interface Problem {
  errors?: FieldError[];
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
}

/** A problem+json validation answer lists the fields at fault (paths from the request body's root). */
export interface FieldError {
  field: string;
  message: string;
}

/** transparency-service's DisclosureView. */
export interface Disclosure {
  id: string;
  party: PartyName;
  kind: 'INVENTORY' | 'INTERCEPTOR_PERFORMANCE' | 'DEPLOYMENT_PLAN';
  round: string;
  version: number;
  status: 'DRAFT' | 'SUBMITTED' | 'SUPERSEDED';
  access: 'OWN' | 'RECIPROCAL';
  content: Record<string, unknown>;
  changeOccurredOn: string | null;
  createdAt: string;
  updatedAt: string | null;
  submittedAt: string | null;
  allowedActions: string[];
}

/** transparency-service's TestView (an interceptor test as host or guest sees it). */
export interface InterceptorTest {
  id: string;
  host: PartyName;
  guest: PartyName;
  role: 'HOST' | 'GUEST';
  state: string;
  announcement: { windowStart: string; windowEnd: string; interceptorType: string; site: { lat: number; lon: number } };
  late: boolean;
  observers: string[];
  declaredResults: Record<string, number | null> | null;
  observations: { observer: string; measurements: Record<string, number | null> }[];
  allowedActions: string[];
}

/** exercise-service's ExerciseView (the fields the screen shows). */
export interface Exercise {
  id: string;
  name: string;
  kind: string;
  host: PartyName;
  window: { start: string; end: string };
  status: 'PROPOSED' | 'APPROVED' | 'RUNNING' | 'COMPLETED' | 'CANCELLED' | 'HALTED';
  scenarioVersion: number;
  approvedBy: PartyName | null;
  allowedActions: string[];
}

/** exercise-service's ReportView (the after-action report). */
export interface AfterActionReport {
  status: 'DRAFT' | 'FINAL';
  revision: number;
  approvals: Partial<Record<PartyName, string>>;
  launches: number;
  detectedLaunches: number;
  falseTracks: number;
  totalTrackBreaks: number;
}

/** agreement-service's audit chain: an entry, a page, the verification. */
export interface AuditEntry {
  seq: number;
  at: string;
  party: PartyName | null;
  subject: string;
  action: string;
  agreementId: string | null;
  hash: string;
}

export interface AuditPage {
  entries: AuditEntry[];
  nextSeq: number | null;
}

export interface AuditVerification {
  valid: boolean;
  checkedEntries: number;
  firstBrokenSeq: number | null;
  failure: string | null;
  reason: string | null;
  headSeq: number;
  headHash: string;
}
