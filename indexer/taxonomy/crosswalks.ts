/**
 * Curated crosswalks between frameworks. Each group lists entries that mean
 * the same thing (or, for NICE work roles and O*NET occupations, entries a
 * search for one should surface for the other); the builder relates every
 * pair in a group both ways. ESCO entries are named by their exact preferred
 * label, which the builder resolves to the `esco:<uuid>` id and fails loudly
 * if the label is missing or ambiguous; everything else uses canonical ids.
 * Curated by hand for this project; not an official mapping of any framework.
 */

/** An ESCO entry named by its exact English preferred label. */
export interface EscoLabelRef {
  escoLabel: string;
}

/** A canonical id (`onet:2.A.2.a`, `nice:PD-WRL-003`, `local:python-programming`) or an ESCO label. */
export type CrosswalkRef = string | EscoLabelRef;

const esco = (escoLabel: string): EscoLabelRef => ({ escoLabel });

export const CROSSWALKS: CrosswalkRef[][] = [
  // Programming languages and developer tools: ESCO digital <-> O*NET technology <-> local.
  [esco('Python (computer programming)'), 'onet:tech:python', 'local:python-programming'],
  [esco('JavaScript'), 'onet:tech:javascript', 'local:javascript-programming'],
  [esco('TypeScript'), 'onet:tech:typescript', 'local:typescript-programming'],
  [esco('Java (computer programming)'), 'onet:tech:oracle-java', 'local:java-programming'],
  [esco('C++'), 'onet:tech:c-plus-plus', 'local:c-plus-plus-programming'],
  [esco('C#'), 'onet:tech:c-sharp', 'local:c-sharp-programming'],
  [esco('SQL'), 'onet:tech:structured-query-language-sql', 'local:sql-databases'],
  [esco('R'), 'onet:tech:r', 'local:r-programming'],
  [esco('CSS'), 'onet:tech:cascading-style-sheets-css', 'local:web-front-end'],
  [esco('PHP'), 'onet:tech:php'],
  [esco('Ruby (computer programming)'), 'onet:tech:ruby'],
  [esco('Swift (computer programming)'), 'onet:tech:swift'],
  [esco('MATLAB'), 'onet:tech:the-mathworks-matlab'],
  [esco('Perl'), 'onet:tech:perl'],
  [esco('Scala'), 'onet:tech:scala'],
  [esco('Haskell'), 'onet:tech:haskell'],
  [esco('Objective-C'), 'onet:tech:objective-c'],
  [esco('Prolog (computer programming)'), 'onet:tech:prolog'],
  [esco('Smalltalk (computer programming)'), 'onet:tech:smalltalk'],
  [esco('Pascal (computer programming)'), 'onet:tech:pascal'],
  [esco('COBOL'), 'onet:tech:common-business-oriented-language-cobol'],
  [esco('ABAP'), 'onet:tech:advanced-business-application-programming-abap'],
  [esco('Visual Basic'), 'onet:tech:microsoft-visual-basic'],
  [esco('SAS language'), 'onet:tech:sas'],
  [esco('ASP.NET'), 'onet:tech:microsoft-asp-net'],
  [esco('Angular'), 'onet:tech:google-angular'],
  [esco('MySQL'), 'onet:tech:mysql'],
  [esco('PostgreSQL'), 'onet:tech:postgresql'],
  [esco('SQL Server'), 'onet:tech:microsoft-sql-server'],
  [esco('NoSQL'), 'onet:tech:nosql'],
  [esco('Hadoop'), 'onet:tech:apache-hadoop'],
  [esco('Apache Tomcat'), 'onet:tech:apache-tomcat'],
  [esco('Apache Maven'), 'onet:tech:apache-maven'],
  [esco('Ansible'), 'onet:tech:ansible-software'],
  [esco('Puppet (tools for software configuration management)'), 'onet:tech:puppet'],
  [esco('Jenkins (tools for software configuration management)'), 'onet:tech:jenkins-ci'],
  [esco('Eclipse (integrated development environment software)'), 'onet:tech:eclipse-ide'],
  [esco('Xcode'), 'onet:tech:xcode'],
  [esco('Drupal'), 'onet:tech:drupal'],
  [esco('WordPress'), 'onet:tech:wordpress'],
  [esco('Moodle'), 'onet:tech:moodle'],
  [esco('Adobe Photoshop'), 'onet:tech:adobe-photoshop'],
  [esco('Kali Linux'), 'onet:tech:kali-linux'],
  [esco('Metasploit'), 'onet:tech:metasploit'],
  [esco('Wireshark'), 'onet:tech:wireshark'],
  [esco('CAD software'), 'onet:tech:autodesk-autocad', 'local:cad-drafting'],
  ['onet:tech:git', 'local:version-control-git'],
  ['onet:tech:linux', 'local:linux-administration'],

  // Office and project tools.
  [esco('use spreadsheets software'), 'onet:tech:microsoft-excel', 'local:spreadsheet-analysis'],
  [esco('use word processing software'), 'onet:tech:microsoft-word', 'local:word-processing'],
  [esco('use presentation software'), 'onet:tech:microsoft-powerpoint', 'local:presentation-software'],
  [esco('Agile project management'), 'local:agile-methods'],
  [esco('ICT project management'), 'local:project-management', 'nice:OG-WRL-011'],

  // Transversal skills: ESCO transversal <-> O*NET basic and cross-functional skills <-> local.
  [esco('think critically'), 'onet:2.A.2.a', 'local:critical-thinking'],
  [esco('solve problems'), 'onet:2.B.2.i', 'local:problem-solving'],
  [esco('manage time'), 'onet:2.B.5.a', 'local:time-management'],
  [esco('instruct others'), 'onet:2.B.1.e', 'local:instructing-others'],
  [esco('address an audience'), 'onet:2.A.1.d', 'local:oral-communication'],
  [esco('negotiate compromises'), 'onet:2.B.1.d'],
  [esco('make decisions'), 'onet:2.B.4.e'],
  [esco('demonstrate willingness to learn'), 'onet:2.A.2.b'],
  [esco('carry out calculations'), 'onet:2.A.1.e'],
  [esco('work in teams'), 'local:teamwork'],
  [esco('lead others'), 'local:leadership'],
  [esco('adapt to change'), 'local:adaptability'],
  [esco('think creatively'), 'local:creativity'],
  [esco('attend to detail'), 'local:attention-to-detail'],
  ['onet:2.A.1.c', 'local:written-communication'],
  ['onet:2.A.1.b', 'local:active-listening'],
  ['onet:2.B.1.f', 'local:customer-service'],
  ['onet:2.B.3.k', 'local:troubleshooting'],
  ['onet:2.B.3.m', 'local:quality-control'],
  ['onet:2.B.3.j', 'local:equipment-maintenance'],
  [esco('computer programming'), 'onet:2.B.3.e'],

  // Data and infrastructure.
  [esco('perform data analysis'), 'local:data-analysis', 'nice:IO-WRL-001'],
  [esco('deliver visual presentation of data'), 'local:data-visualization'],
  [esco('apply statistical analysis techniques'), 'local:statistical-analysis'],
  [esco('machine learning'), 'local:machine-learning-fundamentals'],
  [esco('business intelligence'), 'local:business-intelligence'],
  [esco('cloud technologies'), 'local:cloud-fundamentals'],
  [esco('administer ICT system'), 'local:systems-administration', 'nice:IO-WRL-005'],
  [esco('network engineering'), 'local:network-fundamentals', 'nice:IO-WRL-004'],
  [esco('manage database'), 'local:database-administration', 'nice:IO-WRL-002'],
  [esco('debug software'), 'local:debugging'],
  [esco('use object-oriented programming'), 'local:object-oriented-design'],
  ['local:technical-support', 'nice:IO-WRL-007'],

  // Cybersecurity: ESCO digital <-> NICE work roles <-> local.
  [esco('cyber security'), 'local:cybersecurity-fundamentals'],
  [esco('handle cybersecurity incidents'), 'local:incident-response', 'nice:PD-WRL-003'],
  [esco('computer forensics'), 'local:digital-forensics', 'nice:PD-WRL-002'],
  [esco('collect cyber defence data'), 'local:security-monitoring', 'nice:PD-WRL-001'],
  [esco('protect personal data and privacy'), 'local:privacy-data-protection', 'nice:OG-WRL-008'],
  [esco('perform ICT security testing'), 'local:penetration-testing'],
  [esco('implement ICT risk management'), 'local:risk-compliance'],
  ['local:vulnerability-assessment', 'nice:PD-WRL-007'],
  [esco('set up cybersecurity training programmes'), 'nice:OG-WRL-004'],
  [esco('information security strategy'), 'nice:OG-WRL-002'],
  [esco('manage system security'), 'nice:OG-WRL-014'],
  [esco('ICT security legislation'), 'nice:OG-WRL-006'],

  // NICE work roles <-> the O*NET occupations that do that work.
  ['nice:PD-WRL-001', 'onet:soc:15-1212.00'],
  ['nice:PD-WRL-002', 'onet:soc:15-1299.06'],
  ['nice:PD-WRL-007', 'onet:soc:15-1299.04'],
  ['nice:DD-WRL-001', 'onet:soc:15-1299.05'],
  ['nice:DD-WRL-003', 'onet:soc:15-1252.00'],
  ['nice:DD-WRL-007', 'onet:soc:15-1253.00'],
  ['nice:IO-WRL-002', 'onet:soc:15-1242.00'],
  ['nice:IO-WRL-004', 'onet:soc:15-1231.00'],
  ['nice:IO-WRL-005', 'onet:soc:15-1244.00'],
  ['nice:IO-WRL-007', 'onet:soc:15-1232.00'],
  ['nice:OG-WRL-011', 'onet:soc:15-1299.09'],

  // Green skills: ESCO green <-> local.
  [esco('install photovoltaic systems'), 'local:solar-pv-installation'],
  [esco('conduct energy audit'), 'local:energy-auditing'],
  [esco('wind energy'), 'local:wind-energy-systems'],
  [esco('promote sustainability'), 'local:sustainability-practices'],
  [esco('develop recycling programs'), 'local:waste-reduction-recycling'],
];

/** Number of distinct pairs the groups produce (each group of n gives n(n-1)/2). */
export function crosswalkPairCount(groups: readonly CrosswalkRef[][] = CROSSWALKS): number {
  return groups.reduce((sum, g) => sum + (g.length * (g.length - 1)) / 2, 0);
}
