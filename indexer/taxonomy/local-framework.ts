/**
 * A small LOCAL, FICTIONAL framework: the "Riverbend State Community College
 * Workforce Skills Framework". No such college or framework exists; it stands
 * in for the kind of home-grown skills list a state college system publishes,
 * and the demo data aligns badges to it. Two levels: areas -> skills.
 * Canonical ids are `local:<slug>`; areas are `local:area-<slug>`.
 */

/** Full name, as a badge's `targetFramework` would spell it. */
export const LOCAL_FRAMEWORK_NAME = 'Riverbend State Community College Workforce Skills Framework';
/** Short name that is also accepted as `targetFramework`. */
export const LOCAL_FRAMEWORK_SHORT_NAME = 'RSCC Skills';

/** One skill of the local framework. */
export interface LocalSkill {
  slug: string;
  label: string;
  altLabels?: string[];
  description: string;
}

/** One area (the upper level) with its skills. */
export interface LocalArea {
  slug: string;
  label: string;
  description: string;
  skills: LocalSkill[];
}

const s = (slug: string, label: string, description: string, altLabels: string[] = []): LocalSkill => ({
  slug,
  label,
  description,
  altLabels,
});

export const LOCAL_AREAS: LocalArea[] = [
  {
    slug: 'software-development',
    label: 'Software Development',
    description: 'Writing, testing and maintaining software.',
    skills: [
      s('python-programming', 'Python programming', 'Writes, debugs and tests programs in Python.', ['Python 3 programming']),
      s('javascript-programming', 'JavaScript programming', 'Builds interactive web features in JavaScript.'),
      s('typescript-programming', 'TypeScript programming', 'Writes typed JavaScript applications with TypeScript.'),
      s('java-programming', 'Java programming', 'Develops object-oriented applications in Java.'),
      s('c-plus-plus-programming', 'C++ programming', 'Develops performance-sensitive programs in C++.'),
      s('c-sharp-programming', 'C# programming', 'Develops .NET applications in C#.'),
      s('sql-databases', 'SQL and relational databases', 'Designs tables and writes SQL queries against relational databases.', [
        'SQL querying',
      ]),
      s('web-front-end', 'Web front-end development', 'Builds accessible web pages with HTML and CSS.', ['HTML and CSS']),
      s('version-control-git', 'Version control with Git', 'Tracks and merges code changes with Git.'),
      s('software-testing', 'Software testing', 'Plans and writes unit and integration tests.'),
      s('object-oriented-design', 'Object-oriented design', 'Models programs as collaborating classes and objects.'),
      s('debugging', 'Debugging', 'Finds and fixes defects in programs.'),
    ],
  },
  {
    slug: 'data-analytics',
    label: 'Data Analytics',
    description: 'Turning data into decisions.',
    skills: [
      s('spreadsheet-analysis', 'Spreadsheet analysis', 'Cleans, summarizes and charts data in spreadsheets such as Microsoft Excel.', [
        'Excel skills',
      ]),
      s('data-visualization', 'Data visualization', 'Presents data in clear charts and dashboards.', ['Data visualisation']),
      s('statistical-analysis', 'Statistical analysis', 'Applies descriptive and inferential statistics to data.'),
      s('r-programming', 'R programming for data analysis', 'Analyzes data with the R language.'),
      s('machine-learning-fundamentals', 'Machine learning fundamentals', 'Trains and evaluates basic predictive models.'),
      s('business-intelligence', 'Business intelligence dashboards', 'Builds reports in tools such as Tableau or Power BI.'),
      s('data-analysis', 'Data analysis', 'Collects, inspects and interprets data to answer questions.'),
    ],
  },
  {
    slug: 'it-infrastructure',
    label: 'IT Infrastructure',
    description: 'Running the systems and networks software depends on.',
    skills: [
      s('linux-administration', 'Linux system administration', 'Installs, configures and maintains Linux servers.', [
        'Linux administration',
      ]),
      s('network-fundamentals', 'Networking fundamentals', 'Configures and troubleshoots TCP/IP networks.', ['Computer networking']),
      s('cloud-fundamentals', 'Cloud computing fundamentals', 'Deploys and manages workloads on public cloud platforms.', [
        'Cloud computing',
      ]),
      s('database-administration', 'Database administration', 'Maintains, backs up and tunes database servers.'),
      s('technical-support', 'Technical support', 'Diagnoses and resolves end-user hardware and software problems.', ['Help desk support']),
      s('systems-administration', 'Systems administration', 'Keeps servers, accounts and backups in working order.'),
    ],
  },
  {
    slug: 'cybersecurity',
    label: 'Cybersecurity',
    description: 'Protecting systems, networks and data.',
    skills: [
      s(
        'cybersecurity-fundamentals',
        'Cybersecurity fundamentals',
        'Explains threats, controls and the principles of information security.',
        ['Information security fundamentals'],
      ),
      s('security-monitoring', 'Security operations and monitoring', 'Watches logs and alerts to detect attacks.', ['SOC analysis']),
      s('incident-response', 'Incident response', 'Contains, investigates and recovers from security incidents.'),
      s('digital-forensics', 'Digital forensics', 'Preserves and analyzes digital evidence.'),
      s('vulnerability-assessment', 'Vulnerability assessment', 'Scans systems and prioritizes weaknesses for repair.'),
      s('risk-compliance', 'Risk management and compliance', 'Assesses security risk against policies and regulations.'),
      s('network-security', 'Network security', 'Secures networks with firewalls, segmentation and VPNs.'),
      s('privacy-data-protection', 'Privacy and data protection', 'Handles personal data lawfully and securely.'),
      s('penetration-testing', 'Penetration testing', 'Tests defenses by simulating attacks under an agreed scope.', ['Ethical hacking']),
    ],
  },
  {
    slug: 'professional-skills',
    label: 'Professional Skills',
    description: 'Transferable skills every program assesses.',
    skills: [
      s('critical-thinking', 'Critical thinking', 'Weighs evidence and arguments before reaching conclusions.'),
      s('problem-solving', 'Problem solving', 'Defines problems and works through options to a solution.'),
      s('teamwork', 'Teamwork', 'Works with others toward shared goals.', ['Collaboration']),
      s('written-communication', 'Written communication', 'Writes clearly for the intended audience.'),
      s('oral-communication', 'Oral communication', 'Speaks and presents clearly to individuals and groups.', ['Public speaking']),
      s('active-listening', 'Active listening', 'Listens attentively and asks clarifying questions.'),
      s('time-management', 'Time management', 'Plans work and meets deadlines.'),
      s('leadership', 'Leadership', 'Guides and motivates others.'),
      s('adaptability', 'Adaptability', 'Adjusts to new tools, tasks and settings.'),
      s('customer-service', 'Customer service', 'Helps customers courteously and effectively.'),
      s('creativity', 'Creativity', 'Generates original ideas and approaches.'),
      s('attention-to-detail', 'Attention to detail', 'Works carefully and checks for errors.'),
      s('instructing-others', 'Instructing others', 'Teaches others how to do a task.'),
    ],
  },
  {
    slug: 'business-operations',
    label: 'Business Operations',
    description: 'Office, project and business tools.',
    skills: [
      s('word-processing', 'Word processing', 'Produces documents in word processors such as Microsoft Word.'),
      s('presentation-software', 'Presentation software', 'Builds slide decks in tools such as Microsoft PowerPoint.'),
      s('project-management', 'Project management', 'Plans scope, schedule and resources of a project.'),
      s('agile-methods', 'Agile methods', 'Works in short iterations with Scrum or Kanban practices.', ['Scrum']),
    ],
  },
  {
    slug: 'green-energy',
    label: 'Green Energy and Sustainability',
    description: 'Skills for the low-carbon economy.',
    skills: [
      s('solar-pv-installation', 'Solar photovoltaic installation', 'Installs and commissions solar PV systems.', [
        'Solar PV installation',
      ]),
      s('energy-auditing', 'Energy auditing', 'Measures energy use and recommends savings.'),
      s('wind-energy-systems', 'Wind energy systems', 'Explains and services wind turbine systems.'),
      s('sustainability-practices', 'Sustainability practices', 'Applies practices that reduce environmental impact at work.'),
      s('waste-reduction-recycling', 'Waste reduction and recycling', 'Runs recycling and waste reduction programs.'),
    ],
  },
  {
    slug: 'advanced-manufacturing',
    label: 'Advanced Manufacturing',
    description: 'Making and maintaining physical products.',
    skills: [
      s('cad-drafting', 'CAD drafting', 'Produces technical drawings with AutoCAD or similar tools.', ['Computer-aided drafting']),
      s('quality-control', 'Quality control', 'Inspects products and processes against specifications.'),
      s('equipment-maintenance', 'Equipment maintenance', 'Performs scheduled maintenance on machines.'),
      s('troubleshooting', 'Troubleshooting', 'Finds the causes of equipment faults and fixes them.'),
    ],
  },
];
