/**
 * Places an employer can search near: the cities of the demo data set, with
 * their city-centre coordinates (WGS84) as the demo generator places earners
 * (`scripts/demo/data/cities.ts`, which a test keeps this list equal to).
 * A deployment with earners elsewhere replaces this list.
 */

export interface Place {
  /** Kept in the URL (`near=columbus-oh`). */
  id: string;
  /** "Columbus, OH". */
  name: string;
  lat: number;
  lon: number;
}

const place = (id: string, name: string, lat: number, lon: number): Place => ({ id, name, lat, lon });

export const PLACES: readonly Place[] = [
  place('albuquerque-nm', 'Albuquerque, NM', 35.0844, -106.6504),
  place('anchorage-ak', 'Anchorage, AK', 61.2181, -149.9003),
  place('atlanta-ga', 'Atlanta, GA', 33.749, -84.388),
  place('austin-tx', 'Austin, TX', 30.2672, -97.7431),
  place('baltimore-md', 'Baltimore, MD', 39.2904, -76.6122),
  place('billings-mt', 'Billings, MT', 45.7833, -108.5007),
  place('birmingham-al', 'Birmingham, AL', 33.5186, -86.8104),
  place('boise-id', 'Boise, ID', 43.615, -116.2023),
  place('boston-ma', 'Boston, MA', 42.3601, -71.0589),
  place('burlington-vt', 'Burlington, VT', 44.4759, -73.2121),
  place('charleston-wv', 'Charleston, WV', 38.3498, -81.6326),
  place('charlotte-nc', 'Charlotte, NC', 35.2271, -80.8431),
  place('cheyenne-wy', 'Cheyenne, WY', 41.14, -104.8202),
  place('chicago-il', 'Chicago, IL', 41.8781, -87.6298),
  place('cincinnati-oh', 'Cincinnati, OH', 39.1031, -84.512),
  place('cleveland-oh', 'Cleveland, OH', 41.4993, -81.6944),
  place('columbia-sc', 'Columbia, SC', 34.0007, -81.0348),
  place('columbus-oh', 'Columbus, OH', 39.9612, -82.9988),
  place('dallas-tx', 'Dallas, TX', 32.7767, -96.797),
  place('denver-co', 'Denver, CO', 39.7392, -104.9903),
  place('des-moines-ia', 'Des Moines, IA', 41.5868, -93.625),
  place('detroit-mi', 'Detroit, MI', 42.3314, -83.0458),
  place('el-paso-tx', 'El Paso, TX', 31.7619, -106.485),
  place('fargo-nd', 'Fargo, ND', 46.8772, -96.7898),
  place('fort-worth-tx', 'Fort Worth, TX', 32.7555, -97.3308),
  place('fresno-ca', 'Fresno, CA', 36.7378, -119.7871),
  place('green-bay-wi', 'Green Bay, WI', 44.5133, -88.0133),
  place('hartford-ct', 'Hartford, CT', 41.7658, -72.6734),
  place('honolulu-hi', 'Honolulu, HI', 21.3069, -157.8583),
  place('houston-tx', 'Houston, TX', 29.7604, -95.3698),
  place('indianapolis-in', 'Indianapolis, IN', 39.7684, -86.1581),
  place('jackson-ms', 'Jackson, MS', 32.2988, -90.1848),
  place('jacksonville-fl', 'Jacksonville, FL', 30.3322, -81.6557),
  place('kansas-city-mo', 'Kansas City, MO', 39.0997, -94.5786),
  place('las-vegas-nv', 'Las Vegas, NV', 36.1699, -115.1398),
  place('lincoln-ne', 'Lincoln, NE', 40.8136, -96.7026),
  place('little-rock-ar', 'Little Rock, AR', 34.7465, -92.2896),
  place('los-angeles-ca', 'Los Angeles, CA', 34.0522, -118.2437),
  place('louisville-ky', 'Louisville, KY', 38.2527, -85.7585),
  place('madison-wi', 'Madison, WI', 43.0731, -89.4012),
  place('manchester-nh', 'Manchester, NH', 42.9956, -71.4548),
  place('memphis-tn', 'Memphis, TN', 35.1495, -90.049),
  place('miami-fl', 'Miami, FL', 25.7617, -80.1918),
  place('milwaukee-wi', 'Milwaukee, WI', 43.0389, -87.9065),
  place('minneapolis-mn', 'Minneapolis, MN', 44.9778, -93.265),
  place('nashville-tn', 'Nashville, TN', 36.1627, -86.7816),
  place('new-orleans-la', 'New Orleans, LA', 29.9511, -90.0715),
  place('new-york-ny', 'New York, NY', 40.7128, -74.006),
  place('newark-nj', 'Newark, NJ', 40.7357, -74.1724),
  place('oklahoma-city-ok', 'Oklahoma City, OK', 35.4676, -97.5164),
  place('omaha-ne', 'Omaha, NE', 41.2565, -95.9345),
  place('philadelphia-pa', 'Philadelphia, PA', 39.9526, -75.1652),
  place('phoenix-az', 'Phoenix, AZ', 33.4484, -112.074),
  place('pittsburgh-pa', 'Pittsburgh, PA', 40.4406, -79.9959),
  place('portland-me', 'Portland, ME', 43.6591, -70.2568),
  place('portland-or', 'Portland, OR', 45.5152, -122.6784),
  place('providence-ri', 'Providence, RI', 41.824, -71.4128),
  place('raleigh-nc', 'Raleigh, NC', 35.7796, -78.6382),
  place('richmond-va', 'Richmond, VA', 37.5407, -77.436),
  place('sacramento-ca', 'Sacramento, CA', 38.5816, -121.4944),
  place('salt-lake-city-ut', 'Salt Lake City, UT', 40.7608, -111.891),
  place('san-antonio-tx', 'San Antonio, TX', 29.4241, -98.4936),
  place('san-diego-ca', 'San Diego, CA', 32.7157, -117.1611),
  place('san-francisco-ca', 'San Francisco, CA', 37.7749, -122.4194),
  place('san-jose-ca', 'San Jose, CA', 37.3382, -121.8863),
  place('seattle-wa', 'Seattle, WA', 47.6062, -122.3321),
  place('sioux-falls-sd', 'Sioux Falls, SD', 43.5446, -96.7311),
  place('st-louis-mo', 'St. Louis, MO', 38.627, -90.1994),
  place('tampa-fl', 'Tampa, FL', 27.9506, -82.4572),
  place('topeka-ks', 'Topeka, KS', 39.0473, -95.6752),
  place('tucson-az', 'Tucson, AZ', 32.2226, -110.9747),
  place('tulsa-ok', 'Tulsa, OK', 36.154, -95.9928),
  place('washington-dc', 'Washington, DC', 38.9072, -77.0369),
  place('wichita-ks', 'Wichita, KS', 37.6872, -97.3301),
  place('wilmington-de', 'Wilmington, DE', 39.7391, -75.5398),
];

/** Radii offered, in miles; the first search near a place uses the default. */
export const RADII_MILES = [10, 25, 50, 100] as const;
export const DEFAULT_RADIUS_MILES = 25;
export const KM_PER_MILE = 1.609344;

const byId = new Map(PLACES.map((p) => [p.id, p]));

export function placeById(id: string | null | undefined): Place | undefined {
  return id ? byId.get(id) : undefined;
}
