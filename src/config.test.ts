import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.ts';

const env = { SMART_CUSTOMS_DATA_DIR: 'test/fixtures/data' };

describe('configuration', () => {
  it('listens on the loopback interface unless HOST says otherwise', () => {
    expect(loadConfig(env).host).toBe('127.0.0.1');
    expect(loadConfig({ ...env, HOST: '' }).host).toBe('127.0.0.1');
    expect(loadConfig({ ...env, HOST: '0.0.0.0' }).host).toBe('0.0.0.0');
  });
});
