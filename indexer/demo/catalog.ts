/**
 * The demo's fictional issuers and what they issue. Every name here is made
 * up (homepages sit under reserved `.example` domains); the skills they align
 * to are real taxonomy entries, picked to fit each program. Between them the
 * issuers cover every way the indexer verifies credentials.
 */
import type { AchievementDefinition, IssuerDefinition, SkillPick } from './catalog-types.ts';

const esco = (label: string, style: 'uri' | 'name' = 'uri'): SkillPick => ({ framework: 'esco', label, style });
const onet = (code: string): SkillPick => ({ framework: 'onet', code });
const nice = (code: string): SkillPick => ({ framework: 'nice', code });
const local = (code: string): SkillPick => ({ framework: 'local', code });
const unmapped = (targetName: string, extra: { targetFramework?: string; targetCode?: string; targetUrl?: string } = {}): SkillPick => ({
  framework: 'none',
  targetName,
  ...extra,
});

const badge = (
  code: string,
  name: string,
  achievementType: AchievementDefinition['achievementType'],
  description: string,
  criteria: string,
  skills: SkillPick[],
  tags: string[],
  extra: Partial<AchievementDefinition> = {},
): AchievementDefinition => ({ code, name, achievementType, description, criteria, skills, tags, ...extra });

const riverbend: IssuerDefinition = {
  slug: 'riverbend-state',
  name: 'Riverbend State Community College',
  homepage: 'https://www.riverbend-state.example.edu',
  email: 'credentials@riverbend-state.example.edu',
  description: 'A public community college offering IT and software programs for working adults.',
  method: 'ob3-eddsa-rdfc-2022',
  statusMethod: 'bitstring',
  recipients: 'plain',
  weight: 5,
  headlines: ['Junior software developer', 'IT support specialist', 'Aspiring data analyst', 'Python developer in training'],
  achievements: [
    badge('python-1', 'Python Programming I', 'Badge', 'Writes, tests and debugs small Python programs.', 'Completed six graded labs and a final project in Python with 80% or more.', [local('python-programming'), esco('Python (computer programming)'), local('debugging')], ['evening cohort', 'project-based'], { image: true }),
    badge('sql-1', 'Databases and SQL', 'Badge', 'Designs relational tables and writes SQL queries.', 'Built and queried a normalized database for a case study.', [local('sql-databases'), esco('SQL'), esco('operate relational database management system')], ['lab-verified']),
    badge('web-1', 'Web Front-End Foundations', 'Badge', 'Builds accessible pages with HTML, CSS and JavaScript.', 'Published a three-page accessible website reviewed by faculty.', [local('web-front-end'), local('javascript-programming'), esco('JavaScript')], ['portfolio piece']),
    badge('git-1', 'Version Control with Git', 'Badge', 'Tracks, branches and merges code with Git.', 'Completed a team repository exercise with reviewed pull requests.', [local('version-control-git'), local('teamwork')], ['team exercise'], { weight: 0.7 }),
    badge('it-support', 'IT Support Fundamentals', 'Badge', 'Diagnoses and fixes common desktop and network problems.', 'Resolved ten simulated help-desk tickets within service levels.', [local('technical-support'), esco('perform ICT troubleshooting'), esco('use ICT ticketing system'), onet('2.B.3.k')], ['help desk simulation']),
    badge('cloud-1', 'Cloud Computing Essentials', 'MicroCredential', 'Deploys and monitors workloads on a public cloud.', 'Deployed a monitored web service and passed the written assessment.', [local('cloud-fundamentals'), esco('cloud technologies'), esco('develop with cloud services')], ['vendor-neutral']),
    badge('software-dev-cert', 'Software Development Certificate', 'Certificate', 'Completion of the 30-credit software development certificate program.', 'Completed all certificate courses with a C or better and a capstone project.', [local('object-oriented-design'), local('software-testing'), esco('develop automated software tests'), esco('Java (computer programming)')], ['credit-bearing', 'capstone'], { weight: 0.5, image: true }),
  ],
  pathways: [
    { code: 'python-developer', name: 'Python Developer Micro-credential', description: 'Programming, databases and version control for entry-level Python roles.', achievements: ['python-1', 'sql-1', 'git-1'] },
    { code: 'it-support-specialist', name: 'IT Support Specialist Pathway', description: 'Support, cloud and database basics for help-desk roles.', achievements: ['it-support', 'cloud-1', 'sql-1'], required: 2 },
  ],
};

const lakeshore: IssuerDefinition = {
  slug: 'lakeshore-tech',
  name: 'Lakeshore Technical College',
  homepage: 'https://www.lakeshore-tech.example.edu',
  email: 'registrar@lakeshore-tech.example.edu',
  description: 'A technical college training maintenance technicians and machinists for regional manufacturers.',
  method: 'ob3-ed25519-signature-2020',
  statusMethod: 'bitstring',
  recipients: 'plain',
  weight: 4,
  headlines: ['Industrial maintenance technician', 'Mechatronics student', 'Quality inspector', 'CNC operator looking to grow'],
  achievements: [
    badge('troubleshooting', 'Industrial Troubleshooting', 'Badge', 'Finds and fixes faults in mechanical and electrical systems.', 'Diagnosed five seeded faults on the training line within the time limit.', [onet('2.B.3.k'), local('troubleshooting'), esco('troubleshoot')], ['shop floor']),
    badge('preventive-maintenance', 'Preventive Maintenance', 'Badge', 'Plans and performs scheduled maintenance on production equipment.', 'Completed a maintenance plan and logged 20 supervised maintenance hours.', [onet('2.B.3.j'), local('equipment-maintenance'), esco('maintain equipment'), unmapped('Shop floor 5S walk-through', { targetFramework: 'Lakeshore Shop Competency Map', targetCode: 'LSM-5S-01' })], ['hands-on hours']),
    badge('quality-inspection', 'Quality Inspection', 'Badge', 'Inspects parts against drawings and quality standards.', 'Passed the measurement practical and the inspection written test.', [onet('2.B.3.m'), local('quality-control'), esco('quality control systems'), esco('technical drawings')], ['measurement lab']),
    badge('plc-basics', 'PLC and Automation Basics', 'MicroCredential', 'Wires, programs and tests basic programmable logic controllers.', 'Programmed a PLC to run the conveyor trainer sequence.', [esco('install automation components'), esco('operate control systems'), onet('2.B.3.h')], ['trainer lab']),
    badge('cad-drafting', 'CAD Drafting I', 'Badge', 'Produces 2D technical drawings with CAD software.', 'Submitted a drawing set that meets the college drafting standard.', [local('cad-drafting'), esco('CAD software'), onet('2.C.3.c')], ['drafting studio'], { weight: 0.8 }),
    badge('maintenance-tech-cert', 'Industrial Maintenance Technician Certificate', 'Certificate', 'Completion of the industrial maintenance technician certificate.', 'Completed all certificate courses and a 120-hour practicum.', [onet('2.B.3.l'), esco('maintain electrical equipment'), esco('lean manufacturing')], ['practicum'], { weight: 0.5 }),
  ],
  pathways: [
    { code: 'maintenance-technician', name: 'Maintenance Technician Stack', description: 'Troubleshooting, preventive maintenance and quality inspection.', achievements: ['troubleshooting', 'preventive-maintenance', 'quality-inspection'] },
  ],
};

const greatPlains: IssuerDefinition = {
  slug: 'great-plains-workforce',
  name: 'Great Plains State Workforce Development Board',
  homepage: 'https://workforce.great-plains.example.gov',
  email: 'badges@workforce.great-plains.example.gov',
  description: 'A state workforce board awarding career-readiness credentials through its job centers.',
  method: 'ob3-vc-jwt',
  statusMethod: 'bitstring',
  recipients: 'plain',
  weight: 18,
  validForYears: 5,
  headlines: ['Reliable team player ready to work', 'Customer service professional', 'Career changer with strong people skills', 'Looking for my next opportunity'],
  achievements: [
    badge('teamwork', 'Workplace Teamwork', 'Badge', 'Works with others toward shared goals in a workplace setting.', 'Completed the job-center teamwork workshop and a group scenario.', [esco('work in teams', 'name'), local('teamwork'), onet('2.B.1.b')], ['job center workshop']),
    badge('critical-thinking', 'Critical Thinking at Work', 'Badge', 'Weighs information and options before acting.', 'Scored proficient on the critical thinking scenario assessment.', [esco('think critically', 'name'), onet('2.A.2.a'), unmapped('Work Ready rubric level 3', { targetFramework: 'Great Plains Employability Rubric' })], ['scenario assessment']),
    badge('customer-service', 'Customer Service Essentials', 'Badge', 'Helps customers courteously and resolves common complaints.', 'Passed a role-play assessment and the customer service quiz.', [local('customer-service'), onet('2.C.1.e'), onet('2.B.1.f'), esco('show empathy')], ['role-play']),
    badge('digital-literacy', 'Digital Literacy', 'Badge', 'Uses computers, email and online tools for work.', 'Completed the digital literacy modules and the practical test.', [esco('use ICT systems'), esco('use spreadsheets software'), onet('2.C.3.a')], ['self-paced']),
    badge('time-management', 'Time Management', 'Badge', 'Plans work and meets deadlines.', 'Completed the planning workshop and a two-week task log.', [esco('manage time'), onet('2.B.5.a'), local('time-management')], ['job center workshop'], { weight: 0.8 }),
    badge('career-ready', 'Career Readiness Certificate', 'MicroCredential', 'Demonstrates the foundational skills employers across the state ask for.', 'Earned the communication, problem-solving and workplace assessments.', [onet('2.A.1.b'), onet('2.A.1.d'), esco('solve problems'), esco('adapt to change')], ['statewide credential'], { weight: 1.2 }),
  ],
  pathways: [
    { code: 'work-ready', name: 'Work Ready Employability Stack', description: 'Teamwork, critical thinking, customer service and digital literacy.', achievements: ['teamwork', 'critical-thinking', 'customer-service', 'digital-literacy'], required: 3 },
  ],
};

const northwind: IssuerDefinition = {
  slug: 'northwind-cyber',
  name: 'Northwind Cyber Academy',
  homepage: 'https://www.northwind-cyber.example.org',
  email: 'verify@northwind-cyber.example.org',
  description: 'An intensive cybersecurity bootcamp preparing career changers for security operations roles.',
  method: 'ob3-vc-jwt',
  statusMethod: '1edtech',
  recipients: 'plain',
  weight: 14,
  validForYears: 3,
  headlines: ['Entry-level SOC analyst', 'Cybersecurity bootcamp graduate', 'Blue-team enthusiast', 'Aspiring penetration tester'],
  achievements: [
    badge('security-foundations', 'Security Foundations', 'Badge', 'Explains threats, controls and core security principles.', 'Passed the foundations exam with 75% or more.', [local('cybersecurity-fundamentals'), esco('cyber security'), esco('ICT network security risks')], ['bootcamp week 1-3']),
    badge('soc-analyst', 'SOC Analyst Lab', 'Badge', 'Monitors alerts and triages security events in a SIEM.', 'Triaged 50 alerts in the cyber range with documented findings.', [nice('PD-WRL-001'), local('security-monitoring'), esco('collect cyber defence data'), unmapped('Security Information and Event Management (SIEM) triage', { targetFramework: 'Lightcast Open Skills', targetCode: 'KS-DEMO-SIEM' })], ['cyber range']),
    badge('incident-response', 'Incident Response', 'Badge', 'Contains and investigates security incidents.', 'Led the response to a simulated ransomware incident.', [nice('PD-WRL-003'), esco('handle cybersecurity incidents'), local('incident-response')], ['tabletop exercise']),
    badge('threat-analysis', 'Threat Intelligence', 'Badge', 'Collects and applies threat intelligence to defense.', 'Produced a threat brief rated proficient by instructors.', [nice('PD-WRL-006'), esco('conduct threat intelligence')], ['capstone brief'], { weight: 0.7 }),
    badge('pen-testing', 'Ethical Hacking Fundamentals', 'MicroCredential', 'Tests defenses by simulating attacks within an agreed scope.', 'Completed a scoped penetration test of the lab network with a written report.', [local('penetration-testing'), nice('PD-WRL-007'), esco('cyber attack counter-measures')], ['cyber range'], { weight: 0.8 }),
    badge('network-defense', 'Network Defense', 'Badge', 'Secures networks with firewalls, segmentation and VPNs.', 'Hardened the lab network and passed the configuration review.', [local('network-security'), esco('implement a virtual private network'), nice('IO-WRL-004')], ['lab-verified']),
    badge('cyber-analyst-cert', 'Cyber Defense Analyst Certificate', 'Certificate', 'Completion of the 16-week cyber defense analyst program.', 'Completed every module and the final capstone.', [nice('PD-WRL-001'), nice('PD-WRL-003'), esco('manage system security')], ['16-week program'], { weight: 0.5, image: true }),
  ],
  pathways: [
    { code: 'soc-track', name: 'SOC Analyst Track', description: 'Foundations, monitoring and incident response for security operations.', achievements: ['security-foundations', 'soc-analyst', 'incident-response'] },
  ],
};

const harborview: IssuerDefinition = {
  slug: 'harborview-health',
  name: 'Harborview Health Careers Institute',
  homepage: 'https://www.harborview-health.example.org',
  email: 'badges@harborview-health.example.org',
  description: 'A nonprofit training institute for health information and patient-facing careers.',
  method: 'ob2-hosted',
  recipients: 'plain',
  weight: 12,
  headlines: ['Health information technician', 'Patient access representative', 'Medical records specialist'],
  achievements: [
    badge('health-records', 'Electronic Health Records', 'Badge', 'Maintains accurate electronic health records.', 'Completed the EHR practicum with no critical errors.', [esco('healthcare data systems'), esco('maintain professional records'), onet('2.C.5.a')], ['practicum']),
    badge('health-informatics', 'Health Informatics Basics', 'Badge', 'Uses data and systems to support patient care.', 'Passed the informatics module assessment.', [esco('health informatics'), onet('2.C.3.a')], ['online module']),
    badge('patient-communication', 'Patient Communication', 'Badge', 'Communicates with patients with empathy and clarity.', 'Passed the standardized patient encounter.', [esco('show empathy'), onet('2.A.1.b'), onet('2.C.1.e')], ['simulation lab']),
    badge('infection-control', 'Infection Control Practices', 'Badge', 'Follows procedures that protect patients and staff from hazards.', 'Demonstrated hand hygiene and PPE procedures to an assessor.', [esco('follow procedures to control substances hazardous to health'), onet('2.C.4.d'), unmapped('Harborview clinical floor orientation', { targetFramework: 'Harborview Onboarding Checklist', targetCode: 'HV-ORIENT-2' })], ['skills check-off']),
    badge('medical-imaging-intro', 'Medical Imaging Orientation', 'Badge', 'Explains imaging workflows and radiology information systems.', 'Completed the imaging department rotation.', [esco('manage radiology information system'), esco('operate medical imaging equipment')], ['rotation'], { weight: 0.6 }),
  ],
  pathways: [],
};

const summit: IssuerDefinition = {
  slug: 'summit-logistics',
  name: 'Summit Logistics Employer Academy',
  homepage: 'https://academy.summit-logistics.example.com',
  email: 'academy@summit-logistics.example.com',
  description: 'The in-house training academy of a regional logistics employer.',
  method: 'ob2-signed',
  recipients: 'hashed',
  weight: 12,
  validForYears: 4,
  headlines: ['Warehouse lead', 'Logistics coordinator', 'Inventory control specialist'],
  achievements: [
    badge('warehouse-systems', 'Warehouse Management Systems', 'Badge', 'Records receipts, picks and shipments in a warehouse system.', 'Processed a full shift of transactions in the training system without errors.', [esco('operate warehouse record systems'), esco('operate voice picking systems')], ['on-the-job']),
    badge('inventory-control', 'Inventory Control', 'Badge', 'Keeps stock records accurate and plans storage space.', 'Completed a cycle count with 99% accuracy.', [esco('manage storage operations'), esco('monitor storage space'), onet('2.B.5.c')], ['cycle count']),
    badge('transport-planning', 'Transport Planning', 'Badge', 'Plans routes and loads using transport management concepts.', 'Built a weekly route plan approved by a dispatcher.', [esco('apply transportation management concepts'), esco('operate GPS systems'), onet('2.C.10')], ['dispatch desk']),
    badge('forklift-readiness', 'Forklift Operations Readiness', 'Badge', 'Operates powered industrial trucks safely.', 'Passed the written test and a practical evaluation.', [unmapped('Forklift night-shift readiness', { targetFramework: 'Summit Safety Matrix', targetCode: 'SSM-FL-07' }), onet('2.B.3.h')], ['safety', 'practical evaluation']),
    badge('logistics-lead', 'Logistics Team Lead', 'Badge', 'Leads a shift team and coordinates logistics operations.', 'Led a shift for four weeks with a supervisor sign-off.', [esco('logistics'), onet('2.B.5.d'), onet('2.B.1.b')], ['shift lead program'], { weight: 0.6 }),
  ],
  pathways: [],
};

const pioneer: IssuerDefinition = {
  slug: 'pioneer-valley',
  name: 'Pioneer Valley Community College',
  homepage: 'https://www.pioneer-valley.example.edu',
  email: 'openbadges@pioneer-valley.example.edu',
  description: 'A community college with business, office and data analytics programs.',
  method: 'ob2-hosted',
  recipients: 'hashed',
  weight: 12,
  headlines: ['Office administrator', 'Junior data analyst', 'Business operations coordinator'],
  achievements: [
    badge('spreadsheets', 'Spreadsheet Skills', 'Badge', 'Cleans, summarizes and charts data in spreadsheets.', 'Completed the spreadsheet practical with pivot tables and charts.', [esco('use spreadsheets software'), local('spreadsheet-analysis')], ['office suite']),
    badge('data-analysis', 'Introduction to Data Analysis', 'Badge', 'Inspects and interprets data to answer business questions.', 'Presented an analysis of a public data set.', [esco('perform data analysis'), local('data-analysis'), esco('apply statistical analysis techniques')], ['case study']),
    badge('data-visualization', 'Data Visualization', 'Badge', 'Presents data in clear charts and dashboards.', 'Built a dashboard reviewed by a panel.', [local('data-visualization'), local('business-intelligence')], ['dashboard project'], { weight: 0.8 }),
    badge('presentations', 'Business Presentations', 'Badge', 'Builds and delivers clear slide presentations.', 'Delivered a ten-minute presentation scored by faculty.', [esco('use presentation software'), local('oral-communication'), onet('2.A.1.d')], ['capstone presentation']),
    badge('project-coordination', 'Project Coordination', 'Badge', 'Plans tasks, schedules and resources of small projects.', 'Coordinated a class project through an agile board.', [local('project-management'), esco('Agile project management'), onet('2.C.1.a')], ['team project']),
  ],
  pathways: [],
};

const cascade: IssuerDefinition = {
  slug: 'cascade-green',
  name: 'Cascade Green Energy Apprenticeship Partnership',
  homepage: 'https://www.cascade-green.example.org',
  email: 'apprenticeship@cascade-green.example.org',
  description: 'A labor-management partnership running solar and wind pre-apprenticeships.',
  method: 'ob2-signed',
  recipients: 'plain',
  weight: 12,
  validForYears: 5,
  headlines: ['Solar installer', 'Wind technician apprentice', 'Energy auditor', 'Clean energy career starter'],
  achievements: [
    badge('solar-install', 'Solar PV Installation', 'Badge', 'Installs and commissions photovoltaic systems.', 'Installed a rooftop training array that passed inspection.', [esco('install photovoltaic systems'), local('solar-pv-installation'), onet('2.B.3.d')], ['rooftop lab']),
    badge('solar-maintenance', 'Solar Maintenance', 'Badge', 'Maintains and repairs photovoltaic systems.', 'Completed the maintenance checklist on three arrays.', [esco('maintain photovoltaic systems'), esco('maintain solar energy systems'), onet('2.B.3.l')], ['field work']),
    badge('wind-basics', 'Wind Turbine Fundamentals', 'Badge', 'Explains and inspects onshore wind turbine systems.', 'Passed the tower rescue drill and the turbine inspection practical.', [esco('inspect wind turbines'), esco('install onshore wind energy systems'), local('wind-energy-systems')], ['tower drill']),
    badge('energy-audit', 'Residential Energy Audit', 'Badge', 'Measures home energy use and recommends savings.', 'Completed two supervised home energy audits.', [esco('conduct energy audit'), local('energy-auditing'), esco('energy efficiency')], ['field work'], { weight: 0.8 }),
    badge('electrical-safety', 'Electrical Safety for Renewables', 'Badge', 'Works safely around energized renewable energy equipment.', 'Passed the lockout/tagout practical.', [onet('2.C.8.a'), esco('maintain electrical equipment'), unmapped('Cascade lockout/tagout sign-off', { targetFramework: 'Cascade Safety Standards', targetCode: 'CGE-LOTO' })], ['safety']),
  ],
  pathways: [
    { code: 'solar-installer', name: 'Solar Installer Pre-Apprenticeship', description: 'Installation, maintenance and electrical safety for solar crews.', achievements: ['solar-install', 'solar-maintenance', 'electrical-safety'] },
  ],
};

/** Every demo issuer. The order is part of the data set: ids and draws follow it. */
export const DEMO_ISSUERS: readonly IssuerDefinition[] = [riverbend, lakeshore, greatPlains, northwind, harborview, summit, pioneer, cascade];
