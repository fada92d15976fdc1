/**
 * What "due soon" means on the home page and in the lists it links to, written once so that a
 * count and its list cannot disagree.
 */

/** An acknowledgement falls due within this many hours (an alert's whole term is 24). */
export const DUE_SOON_HOURS = 24;

/** An action item falls due within this many days of the region's today. */
export const ACTION_DUE_SOON_DAYS = 7;

/** A commitment of the Joint Conference falls due within this many days (its dates are months apart). */
export const COMMITMENT_DUE_SOON_DAYS = 90;
