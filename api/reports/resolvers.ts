/** Fields of reports.graphql: skill-gap reports, trends and on-demand snapshots. */
import type { SkillGapArgs, SkillGapTrendArgs } from './input.ts';
import type { SkillGapReport } from './report.ts';
import type { ResolverMap } from '../resolvers/types.ts';

export const reportResolvers: ResolverMap = {
  Query: {
    skillGapReport: (_parent, args: { input: SkillGapArgs }, ctx) => ctx.services.reports.skillGapReport(args.input),
    skillGapTrend: (_parent, args: { input: SkillGapTrendArgs }, ctx) => ctx.services.reports.skillGapTrend(args.input),
  },
  Mutation: {
    runSkillGapSnapshot: (_parent, _args, ctx) => ctx.services.reports.runSkillGapSnapshot(),
  },
  SkillGapReport: {
    region: (report: SkillGapReport) => report.query.region,
    framework: (report: SkillGapReport) => report.query.framework,
    occupation: (report: SkillGapReport) => report.query.occupation,
    postedWithinMonths: (report: SkillGapReport) => report.query.postedWithinMonths,
  },
};
