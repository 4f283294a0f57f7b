/**
 * NICE Workforce Framework for Cybersecurity (NIST SP 800-181 Rev. 1) work
 * roles, with the ids of NICE Framework Components v1.0.0 (March 2024). The
 * roles of the five categories below keep the same ids and names in
 * Components v2.0.0 (March 2025), which dropped the Cyberspace Intelligence
 * and Cyberspace Effects categories; those two are left out here.
 * `legacy` holds the matching work role id of the 2017 edition (SP 800-181,
 * e.g. `PR-CDA-001`), so alignments that still use the old ids resolve.
 * Descriptions are short summaries written for this project. NICE is a
 * work of the U.S. Government (NIST).
 */

/** One NICE work role category (the `OG`, `DD`, ... prefix of role ids). */
export interface NiceCategory {
  code: string;
  label: string;
}

/** One NICE work role. */
export interface NiceRole {
  /** Components v1.0.0 work role id, e.g. `PD-WRL-001`. */
  id: string;
  label: string;
  /** SP 800-181 (2017) work role ids that this role replaces. */
  legacy: string[];
  /** The 2017 role name, kept as an alternative label. */
  legacyLabel?: string;
  description: string;
}

export const NICE_CATEGORIES: NiceCategory[] = [
  { code: 'OG', label: 'Oversight and Governance' },
  { code: 'DD', label: 'Design and Development' },
  { code: 'IO', label: 'Implementation and Operation' },
  { code: 'PD', label: 'Protection and Defense' },
  { code: 'IN', label: 'Investigation' },
];

const r = (id: string, label: string, legacy: string[], legacyLabel: string | undefined, description: string): NiceRole => ({
  id,
  label,
  legacy,
  ...(legacyLabel === undefined ? {} : { legacyLabel }),
  description,
});

export const NICE_ROLES: NiceRole[] = [
  r(
    'OG-WRL-001',
    'Communications Security (COMSEC) Management',
    ['OV-MGT-002'],
    'COMSEC Manager',
    "Manages an organization's communications security resources.",
  ),
  r(
    'OG-WRL-002',
    'Cybersecurity Policy and Planning',
    ['OV-SPP-002'],
    'Cyber Policy and Strategy Planner',
    'Develops and maintains cybersecurity plans, strategy and policy.',
  ),
  r(
    'OG-WRL-003',
    'Cybersecurity Workforce Management',
    ['OV-SPP-001'],
    'Cyber Workforce Developer and Manager',
    'Plans the cybersecurity workforce: staffing, training, education and hiring.',
  ),
  r(
    'OG-WRL-004',
    'Cybersecurity Curriculum Development',
    ['OV-TEA-001'],
    'Cyber Instructional Curriculum Developer',
    'Designs and evaluates cybersecurity awareness, training and education content.',
  ),
  r(
    'OG-WRL-005',
    'Cybersecurity Instruction',
    ['OV-TEA-002'],
    'Cyber Instructor',
    'Develops and delivers cybersecurity awareness, training or education.',
  ),
  r(
    'OG-WRL-006',
    'Cybersecurity Legal Advice',
    ['OV-LGA-001'],
    'Cyber Legal Advisor',
    'Gives legal advice on cybersecurity and follows related law and regulation.',
  ),
  r(
    'OG-WRL-007',
    'Executive Cybersecurity Leadership',
    ['OV-EXL-001'],
    'Executive Cyber Leadership',
    "Sets vision and direction for an organization's cybersecurity operations.",
  ),
  r(
    'OG-WRL-008',
    'Privacy Compliance',
    ['OV-LGA-002'],
    'Privacy Officer/Privacy Compliance Manager',
    "Runs an organization's privacy compliance program.",
  ),
  r(
    'OG-WRL-009',
    'Product Support Management',
    ['OV-PMA-003'],
    'Product Support Manager',
    'Manages the support functions that keep systems ready.',
  ),
  r(
    'OG-WRL-010',
    'Program Management',
    ['OV-PMA-001'],
    'Program Manager',
    'Leads and coordinates a defined program and its alignment with priorities.',
  ),
  r(
    'OG-WRL-011',
    'Secure Project Management',
    ['OV-PMA-002'],
    'IT Project Manager',
    'Manages technology projects with cybersecurity built in.',
  ),
  r(
    'OG-WRL-012',
    'Security Control Assessment',
    ['SP-RSK-002'],
    'Security Control Assessor',
    "Assesses how well a system's security controls work.",
  ),
  r(
    'OG-WRL-013',
    'Systems Authorization',
    ['SP-RSK-001'],
    'Authorizing Official/Designating Representative',
    'Accepts responsibility for operating a system at an acceptable level of risk.',
  ),
  r(
    'OG-WRL-014',
    'Systems Security Management',
    ['OV-MGT-001'],
    'Information Systems Security Manager',
    'Manages the cybersecurity of a program, organization, system or enclave.',
  ),
  r(
    'OG-WRL-015',
    'Technology Portfolio Management',
    ['OV-PMA-004'],
    'IT Investment/Portfolio Manager',
    'Manages a portfolio of technology investments.',
  ),
  r(
    'OG-WRL-016',
    'Technology Program Auditing',
    ['OV-PMA-005'],
    'IT Program Auditor',
    'Audits technology programs for compliance with standards.',
  ),
  r(
    'DD-WRL-001',
    'Cybersecurity Architecture',
    ['SP-ARC-002'],
    'Security Architect',
    'Makes sure security requirements are addressed across the enterprise architecture.',
  ),
  r(
    'DD-WRL-002',
    'Enterprise Architecture',
    ['SP-ARC-001'],
    'Enterprise Architect',
    'Develops business, system and information processes and baseline architectures.',
  ),
  r(
    'DD-WRL-003',
    'Secure Software Development',
    ['SP-DEV-001'],
    'Software Developer',
    'Develops and maintains software following secure coding practice.',
  ),
  r(
    'DD-WRL-004',
    'Secure Systems Development',
    ['SP-SYS-001'],
    'Information Systems Security Developer',
    'Designs, develops and tests systems securely across their life cycle.',
  ),
  r(
    'DD-WRL-005',
    'Software Security Assessment',
    ['SP-DEV-002'],
    'Secure Software Assessor',
    'Analyzes the security of new or existing software.',
  ),
  r(
    'DD-WRL-006',
    'Systems Requirements Planning',
    ['SP-SRP-001'],
    'Systems Requirements Planner',
    'Turns customer needs into functional and security requirements.',
  ),
  r(
    'DD-WRL-007',
    'Systems Testing and Evaluation',
    ['SP-TST-001'],
    'System Testing and Evaluation Specialist',
    'Plans and runs system tests and reports results against requirements.',
  ),
  r(
    'DD-WRL-008',
    'Technology Research and Development',
    ['SP-TRD-001'],
    'Research & Development Specialist',
    'Researches and develops new capabilities with cybersecurity built in.',
  ),
  r(
    'DD-WRL-009',
    'Operational Technology (OT) Cybersecurity Engineering',
    [],
    undefined,
    'Engineers safe, reliable and secure industrial control systems.',
  ),
  r(
    'IO-WRL-001',
    'Data Analysis',
    ['OM-DTA-002'],
    'Data Analyst',
    'Analyzes data from many sources to give cybersecurity and privacy insight.',
  ),
  r(
    'IO-WRL-002',
    'Database Administration',
    ['OM-DTA-001'],
    'Database Administrator',
    'Administers databases and data management systems securely.',
  ),
  r(
    'IO-WRL-003',
    'Knowledge Management',
    ['OM-KMG-001'],
    'Knowledge Manager',
    'Manages the tools and processes that capture and share knowledge.',
  ),
  r(
    'IO-WRL-004',
    'Network Operations',
    ['OM-NET-001'],
    'Network Operations Specialist',
    'Plans, implements and operates network services and systems.',
  ),
  r(
    'IO-WRL-005',
    'Systems Administration',
    ['OM-ADM-001'],
    'System Administrator',
    'Sets up and maintains systems: installation, accounts, backups and controls.',
  ),
  r(
    'IO-WRL-006',
    'Systems Security Analysis',
    ['OM-ANA-001'],
    'Systems Security Analyst',
    'Analyzes and develops the security of systems in operation.',
  ),
  r(
    'IO-WRL-007',
    'Technical Support',
    ['OM-STS-001'],
    'Technical Support Specialist',
    'Helps users with technical problems and keeps their systems working.',
  ),
  r(
    'PD-WRL-001',
    'Defensive Cybersecurity',
    ['PR-CDA-001'],
    'Cyber Defense Analyst',
    'Analyzes data from defensive tools to detect and mitigate threats.',
  ),
  r(
    'PD-WRL-002',
    'Digital Forensics',
    ['IN-FOR-002'],
    'Cyber Defense Forensics Analyst',
    'Analyzes digital evidence from security incidents to support mitigation.',
  ),
  r(
    'PD-WRL-003',
    'Incident Response',
    ['PR-CIR-001'],
    'Cyber Defense Incident Responder',
    'Investigates, analyzes and responds to cybersecurity incidents.',
  ),
  r(
    'PD-WRL-004',
    'Infrastructure Support',
    ['PR-INF-001'],
    'Cyber Defense Infrastructure Support Specialist',
    'Tests, deploys and maintains cybersecurity infrastructure.',
  ),
  r('PD-WRL-005', 'Insider Threat Analysis', [], undefined, 'Identifies and assesses insider threats and supports investigations.'),
  r(
    'PD-WRL-006',
    'Threat Analysis',
    ['AN-TWA-001'],
    'Threat/Warning Analyst',
    'Collects and analyzes threat information and develops indicators.',
  ),
  r(
    'PD-WRL-007',
    'Vulnerability Analysis',
    ['PR-VAM-001'],
    'Vulnerability Assessment Analyst',
    'Assesses systems and networks for vulnerabilities and deviations from policy.',
  ),
  r(
    'IN-WRL-001',
    'Cybercrime Investigation',
    ['IN-INV-001'],
    'Cyber Crime Investigator',
    'Investigates intrusions and cybercrimes and gathers evidence.',
  ),
  r(
    'IN-WRL-002',
    'Digital Evidence Analysis',
    ['IN-FOR-001'],
    'Law Enforcement/CounterIntelligence Forensics Analyst',
    'Analyzes digital evidence for investigations and prosecutions.',
  ),
];
