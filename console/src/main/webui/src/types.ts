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
  exercise: boolean;
  exerciseId: string | null;
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
}

export interface Problem {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
}
