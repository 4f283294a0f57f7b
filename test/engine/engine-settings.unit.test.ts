import { describe, expect, it } from 'vitest';
import { engineSettings } from '../../scripts/engine/settings.ts';

describe('the local engine JVM options', () => {
  it('are ES_JAVA_OPTS or the default heap, with the quick compiler only when ENGINE_QUICK_JIT=1', () => {
    expect(engineSettings({}).javaOpts).toBe('-Xms512m -Xmx1g');
    expect(engineSettings({ ENGINE_QUICK_JIT: '0' }).javaOpts).toBe('-Xms512m -Xmx1g');
    expect(engineSettings({ ENGINE_QUICK_JIT: '1' }).javaOpts).toBe('-Xms512m -Xmx1g -XX:TieredStopAtLevel=1');
    expect(engineSettings({ ES_JAVA_OPTS: '-Xmx256m', ENGINE_QUICK_JIT: '1' }).javaOpts).toBe('-Xmx256m -XX:TieredStopAtLevel=1');
  });

  it('refuses another ENGINE_QUICK_JIT value, naming the variable', () => {
    expect(() => engineSettings({ ENGINE_QUICK_JIT: 'yes' })).toThrow(/ENGINE_QUICK_JIT must be 0 or 1, got "yes"/);
  });
});
