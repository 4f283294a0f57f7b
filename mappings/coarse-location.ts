/**
 * The only point of an earner the search index holds: their location snapped
 * to a grid of about 1.1 km, so no number of `near` queries can place them
 * more precisely than their grid cell. The grid has 0.01° of latitude between
 * rows, and in each row as many degrees of longitude as make about the same
 * distance (0.01° / cos(latitude)), so cells are about 1.1 km wide everywhere.
 * Pure and deterministic: the indexer and the API snap the same way.
 */
import type { EarnerLocation } from './earners.ts';

/** Latitude between grid rows, in degrees (about 1.11 km). */
export const GRID_STEP_DEGREES = 0.01;

const round6 = (value: number) => Math.round(value * 1e6) / 1e6;

/** Longitude between grid nodes in the row at `lat` (degrees): the same ground distance as a latitude step. */
export function longitudeStep(lat: number): number {
  return GRID_STEP_DEGREES / Math.max(Math.cos((lat * Math.PI) / 180), GRID_STEP_DEGREES);
}

/** The grid node nearest to a point. */
export function coarsePoint(point: { lat: number; lon: number }): { lat: number; lon: number } {
  const lat = Math.min(90, Math.max(-90, Math.round(point.lat / GRID_STEP_DEGREES) * GRID_STEP_DEGREES));
  const step = longitudeStep(lat);
  let lon = Math.round(point.lon / step) * step;
  if (lon > 180) lon -= 360;
  if (lon < -180) lon += 360;
  return { lat: round6(lat), lon: round6(lon) };
}

/** A location with its point (if any) snapped to the grid. */
export function coarseLocation(location: EarnerLocation): EarnerLocation {
  return { ...location, ...(location.geo ? { geo: coarsePoint(location.geo) } : {}) };
}
