/** Fields of reports.graphql: skill-gap reports, trends and on-demand snapshots. */
import type { ResolverMap } from '../resolvers/types.ts';

export const reportResolvers: ResolverMap = {
  Query: {
    skillGapReport: (_parent, args, ctx) => ctx.services.reports.skillGapReport(args.input),
    skillGapTrend: (_parent, args, ctx) => ctx.services.reports.skillGapTrend(args.input),
    regionComparison: (_parent, args, ctx) => ctx.services.reports.regionComparison(args.input),
    demandBreakdown: (_parent, args, ctx) => ctx.services.reports.demandBreakdown(args.input),
  },
  Mutation: {
    runSkillGapSnapshot: (_parent, _args, ctx) => ctx.services.reports.runSkillGapSnapshot(),
  },
  RegionComparison: {
    occupation: (comparison) => comparison.query.occupation,
    postedWithinMonths: (comparison) => comparison.query.postedWithinMonths,
  },
  SkillGapReport: {
    region: (report) => report.query.region,
    framework: (report) => report.query.framework,
    occupation: (report) => report.query.occupation,
    postedWithinMonths: (report) => report.query.postedWithinMonths,
  },
};
