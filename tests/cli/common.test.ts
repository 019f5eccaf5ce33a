/** What the commands share: their settings resolved as the build's, and how a command ends. */
import { describe, expect, it } from 'vitest';
import { type CommandIo, commandSettings, fail, readCommandLine, runCommand } from '#src/cli/common.ts';
import { format, markdownPipeline, site } from '#src/site.ts';

describe('commandSettings', () => {
  it('resolves what src/site.ts resolves for the build, from the same environment and clock', () => {
    const settings = commandSettings({ env: process.env, now: site.now });
    expect(settings.site).toEqual(site);
    expect(settings.markdownPipeline).toEqual(markdownPipeline);
    const date = new Date('2021-05-21T00:19:00Z');
    expect(settings.format.dateTime(date)).toBe(format.dateTime(date));
  });

  it('reads the environment and the clock it is given, not the process’s', () => {
    const now = new Date('2021-05-31T17:00:30Z');
    const {
      site,
      markdownPipeline: pipeline,
      format,
    } = commandSettings({
      env: { ROTATIVE_CONTENT_DIR: '/tmp/ailleurs', ROTATIVE_LOCALE: 'en-GB', SITE_URL: 'https://news.example.org' },
      now,
    });
    expect(site.contentDir).toBe('/tmp/ailleurs');
    expect(site.now).toBe(now);
    expect(pipeline).toEqual({ siteUrl: 'https://news.example.org', locale: 'en-GB', embedPrefixes: [] });
    expect(format.dateTime(now)).toBe('01/06/2021 01:00');
    expect(commandSettings({ env: { ROTATIVE_NOW: '2021-05-21T09:05:00+08:00' }, now }).site.now).toEqual(
      new Date('2021-05-21T01:05:00Z'),
    );
  });
});

describe('runCommand', () => {
  const io = (argv: string[]) => {
    const written = { stdout: '', stderr: '' };
    const streams: CommandIo = {
      argv,
      env: {},
      now: new Date(),
      cwd: '/',
      stdin: () => Promise.resolve(''),
      stdout: { write: (text: string) => (written.stdout += text) },
      stderr: { write: (text: string) => (written.stderr += text) },
    };
    return { streams, written };
  };
  const command = (run: CommandIo) => {
    const { values } = readCommandLine(
      run,
      { options: { stop: { type: 'boolean' }, help: { type: 'boolean' } } },
      'Usage: x',
    );
    if (values.stop) fail('first line', 'second line');
    run.stdout.write('done\n');
    return Promise.resolve(0);
  };

  it('gives the command’s own exit code and output', async () => {
    const { streams, written } = io([]);
    expect(await runCommand(command, streams)).toBe(0);
    expect(written).toEqual({ stdout: 'done\n', stderr: '' });
  });

  it('ends a failing command with its lines on stderr and exit code 1, running nothing after', async () => {
    const { streams, written } = io(['--stop']);
    expect(await runCommand(command, streams)).toBe(1);
    expect(written).toEqual({ stdout: '', stderr: 'first line\nsecond line\n' });
  });

  it('prints the usage on stdout for --help, with exit code 0, and with the mistake on stderr for a bad option', async () => {
    const help = io(['--help']);
    expect(await runCommand(command, help.streams)).toBe(0);
    expect(help.written).toEqual({ stdout: 'Usage: x\n', stderr: '' });
    const wrong = io(['--stpo']);
    expect(await runCommand(command, wrong.streams)).toBe(1);
    expect(wrong.written.stderr).toMatch(/^Unknown option '--stpo'.*\n\nUsage: x\n$/s);
  });

  it('lets any other error through', async () => {
    const { streams } = io([]);
    await expect(runCommand(() => Promise.reject(new Error('a bug')), streams)).rejects.toThrow('a bug');
  });
});
