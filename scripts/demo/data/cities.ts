/**
 * Real US cities (city-centre coordinates, WGS84) where demo earners live.
 * `weight` is a rough relative population, so big metros get more earners.
 */

/** One US city of the demo. */
export interface DemoCity {
  name: string;
  /** USPS state code, e.g. `OH`; the region code is `US-<state>`. */
  state: string;
  lat: number;
  lon: number;
  weight: number;
}

const city = (name: string, state: string, lat: number, lon: number, weight: number): DemoCity => ({ name, state, lat, lon, weight });

export const US_CITIES: readonly DemoCity[] = [
  city('New York', 'NY', 40.7128, -74.006, 40),
  city('Los Angeles', 'CA', 34.0522, -118.2437, 30),
  city('Chicago', 'IL', 41.8781, -87.6298, 22),
  city('Houston', 'TX', 29.7604, -95.3698, 18),
  city('Phoenix', 'AZ', 33.4484, -112.074, 14),
  city('Philadelphia', 'PA', 39.9526, -75.1652, 13),
  city('San Antonio', 'TX', 29.4241, -98.4936, 12),
  city('San Diego', 'CA', 32.7157, -117.1611, 12),
  city('Dallas', 'TX', 32.7767, -96.797, 12),
  city('Austin', 'TX', 30.2672, -97.7431, 10),
  city('Jacksonville', 'FL', 30.3322, -81.6557, 8),
  city('San Jose', 'CA', 37.3382, -121.8863, 9),
  city('Fort Worth', 'TX', 32.7555, -97.3308, 8),
  city('Columbus', 'OH', 39.9612, -82.9988, 9),
  city('Charlotte', 'NC', 35.2271, -80.8431, 8),
  city('Indianapolis', 'IN', 39.7684, -86.1581, 8),
  city('San Francisco', 'CA', 37.7749, -122.4194, 8),
  city('Seattle', 'WA', 47.6062, -122.3321, 8),
  city('Denver', 'CO', 39.7392, -104.9903, 7),
  city('Washington', 'DC', 38.9072, -77.0369, 7),
  city('Nashville', 'TN', 36.1627, -86.7816, 7),
  city('Oklahoma City', 'OK', 35.4676, -97.5164, 6),
  city('El Paso', 'TX', 31.7619, -106.485, 6),
  city('Boston', 'MA', 42.3601, -71.0589, 7),
  city('Portland', 'OR', 45.5152, -122.6784, 6),
  city('Las Vegas', 'NV', 36.1699, -115.1398, 6),
  city('Detroit', 'MI', 42.3314, -83.0458, 6),
  city('Memphis', 'TN', 35.1495, -90.049, 6),
  city('Louisville', 'KY', 38.2527, -85.7585, 5),
  city('Baltimore', 'MD', 39.2904, -76.6122, 5),
  city('Milwaukee', 'WI', 43.0389, -87.9065, 5),
  city('Albuquerque', 'NM', 35.0844, -106.6504, 5),
  city('Tucson', 'AZ', 32.2226, -110.9747, 5),
  city('Fresno', 'CA', 36.7378, -119.7871, 5),
  city('Sacramento', 'CA', 38.5816, -121.4944, 5),
  city('Kansas City', 'MO', 39.0997, -94.5786, 5),
  city('Atlanta', 'GA', 33.749, -84.388, 5),
  city('Omaha', 'NE', 41.2565, -95.9345, 4),
  city('Raleigh', 'NC', 35.7796, -78.6382, 4),
  city('Miami', 'FL', 25.7617, -80.1918, 5),
  city('Minneapolis', 'MN', 44.9778, -93.265, 4),
  city('Tulsa', 'OK', 36.154, -95.9928, 4),
  city('Cleveland', 'OH', 41.4993, -81.6944, 4),
  city('Wichita', 'KS', 37.6872, -97.3301, 4),
  city('New Orleans', 'LA', 29.9511, -90.0715, 4),
  city('Tampa', 'FL', 27.9506, -82.4572, 4),
  city('Pittsburgh', 'PA', 40.4406, -79.9959, 3),
  city('Cincinnati', 'OH', 39.1031, -84.512, 3),
  city('St. Louis', 'MO', 38.627, -90.1994, 3),
  city('Salt Lake City', 'UT', 40.7608, -111.891, 3),
  city('Boise', 'ID', 43.615, -116.2023, 3),
  city('Des Moines', 'IA', 41.5868, -93.625, 2),
  city('Madison', 'WI', 43.0731, -89.4012, 3),
  city('Green Bay', 'WI', 44.5133, -88.0133, 2),
  city('Lincoln', 'NE', 40.8136, -96.7026, 2),
  city('Topeka', 'KS', 39.0473, -95.6752, 2),
  city('Little Rock', 'AR', 34.7465, -92.2896, 2),
  city('Birmingham', 'AL', 33.5186, -86.8104, 2),
  city('Richmond', 'VA', 37.5407, -77.436, 2),
  city('Hartford', 'CT', 41.7658, -72.6734, 2),
  city('Providence', 'RI', 41.824, -71.4128, 2),
  city('Burlington', 'VT', 44.4759, -73.2121, 1),
  city('Portland', 'ME', 43.6591, -70.2568, 1),
  city('Manchester', 'NH', 42.9956, -71.4548, 1),
  city('Charleston', 'WV', 38.3498, -81.6326, 1),
  city('Columbia', 'SC', 34.0007, -81.0348, 2),
  city('Jackson', 'MS', 32.2988, -90.1848, 1),
  city('Fargo', 'ND', 46.8772, -96.7898, 1),
  city('Sioux Falls', 'SD', 43.5446, -96.7311, 1),
  city('Billings', 'MT', 45.7833, -108.5007, 1),
  city('Cheyenne', 'WY', 41.14, -104.8202, 1),
  city('Anchorage', 'AK', 61.2181, -149.9003, 1),
  city('Honolulu', 'HI', 21.3069, -157.8583, 2),
  city('Wilmington', 'DE', 39.7391, -75.5398, 1),
  city('Newark', 'NJ', 40.7357, -74.1724, 2),
];
