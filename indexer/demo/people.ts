/**
 * Word lists for fictional earners: names, headlines and the work types they
 * are open to. Any resemblance to real people is a coincidence of common names.
 */

export const FIRST_NAMES: readonly string[] = [
  'Aaliyah', 'Aaron', 'Abigail', 'Adrian', 'Aisha', 'Alejandro', 'Alex', 'Amara', 'Andre', 'Angela',
  'Anthony', 'Ava', 'Benjamin', 'Bianca', 'Brandon', 'Brianna', 'Caleb', 'Camila', 'Carlos', 'Chloe',
  'Christopher', 'Daniel', 'Danielle', 'David', 'Deja', 'Diego', 'Elena', 'Elijah', 'Emily', 'Emmanuel',
  'Ethan', 'Fatima', 'Gabriel', 'Grace', 'Hannah', 'Hector', 'Isabella', 'Isaiah', 'Jacob', 'Jada',
  'Jamal', 'Jasmine', 'Jennifer', 'Jessica', 'Jordan', 'Jose', 'Joshua', 'Julia', 'Kayla', 'Kevin',
  'Keisha', 'Layla', 'Leah', 'Liam', 'Lucas', 'Luis', 'Madison', 'Malik', 'Maria', 'Marcus',
  'Maya', 'Michael', 'Mia', 'Mohammed', 'Natalie', 'Nathan', 'Nia', 'Noah', 'Olivia', 'Omar',
  'Priya', 'Rachel', 'Rafael', 'Rosa', 'Ryan', 'Samantha', 'Samuel', 'Sara', 'Sofia', 'Tariq',
  'Taylor', 'Thomas', 'Tyler', 'Valeria', 'Victor', 'Wei', 'Xavier', 'Yasmin', 'Zachary', 'Zoe',
];

export const LAST_NAMES: readonly string[] = [
  'Adams', 'Alvarez', 'Anderson', 'Baker', 'Bennett', 'Brooks', 'Brown', 'Campbell', 'Carter', 'Castillo',
  'Chen', 'Clark', 'Collins', 'Cooper', 'Cruz', 'Davis', 'Diaz', 'Edwards', 'Evans', 'Flores',
  'Foster', 'Garcia', 'Gomez', 'Gonzalez', 'Gray', 'Green', 'Hall', 'Harris', 'Hernandez', 'Hill',
  'Howard', 'Hughes', 'Jackson', 'James', 'Jenkins', 'Johnson', 'Jones', 'Kelly', 'Kim', 'King',
  'Lee', 'Lewis', 'Lopez', 'Martin', 'Martinez', 'Mitchell', 'Moore', 'Morales', 'Morgan', 'Murphy',
  'Nguyen', 'Nelson', 'OBrien', 'Ortiz', 'Parker', 'Patel', 'Perez', 'Peterson', 'Phillips', 'Ramirez',
  'Reed', 'Reyes', 'Richardson', 'Rivera', 'Roberts', 'Robinson', 'Rodriguez', 'Ross', 'Sanchez', 'Scott',
  'Shah', 'Singh', 'Smith', 'Stewart', 'Sullivan', 'Taylor', 'Thomas', 'Thompson', 'Torres', 'Turner',
  'Walker', 'Ward', 'Washington', 'Watson', 'White', 'Williams', 'Wilson', 'Wright', 'Young', 'Zhang',
];

/** Work types an earner can be open to (directory settings `openTo`). */
export const WORK_TYPES: readonly string[] = ['full-time', 'part-time', 'apprenticeship', 'internship', 'contract', 'remote'];

/** Contact channels with how often earners choose them. */
export const CONTACT_CHANNEL_WEIGHTS = [
  { channel: 'email', weight: 60 },
  { channel: 'phone', weight: 25 },
  { channel: 'url', weight: 15 },
] as const;
