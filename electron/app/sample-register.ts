import type { InputOf, OutputOf } from '../../shared/contract/define.js';
import type { ChannelName, Contract } from '../../shared/contract/index.js';

/** Calls a channel through the dispatcher, throwing on a refusal. */
export type DeskCall = <N extends ChannelName>(channel: N, input: InputOf<Contract[N]>) => Promise<OutputOf<Contract[N]>>;

export const SAMPLE_HEAD = { login: 'head', fullName: 'Олена Петренко', password: 'надійний-пароль-1' } as const;

export interface SampleRegister {
  readonly journalId: string;
  readonly officeId: string;
  readonly signatoryId: string;
  readonly executiveSignatoryId: string;
}

/**
 * A register set up the way a council would on its first day: requisites, the central office and
 * its journal, the head's account and two signatories — «Для довідок» (R7.10) and the executive
 * committee's seal with the керуючий справами (R7.13). Used by the samples, the tests and the
 * training register; everything goes through the same channels as the app.
 */
export async function setUpSampleRegister(call: DeskCall): Promise<SampleRegister> {
  const setup = await call('setup.run', {
    requisites: {
      councilName: 'Глухівська міська рада',
      executiveCommitteeName: 'Виконавчий комітет Глухівської міської ради',
      cnapDepartmentName: 'Відділ «Центр надання адміністративних послуг»',
      region: 'Сумська область',
      address: 'вул. Шевченка, 6, м. Глухів, 41400',
      phone: '(05444) 2-33-44',
      email: 'cnap@example.gov.ua',
      registerDepartment: 'Відділ ведення реєстру територіальної громади',
    },
    centralOffice: { name: 'ЦНАП (центральний офіс)', code: 'CNAP' },
    journal: { index: '01-21', title: 'Журнал реєстрації довідок' },
    head: SAMPLE_HEAD,
  });
  await call('auth.login', { login: SAMPLE_HEAD.login, password: SAMPLE_HEAD.password });
  const signatory = await call('directories.signatories.save', {
    position: 'Начальник відділу «Центр надання адміністративних послуг»',
    fullName: 'Олена ПЕТРЕНКО',
    seal: 'for_certificates',
    sealName: 'Для довідок',
    validFrom: '2020-01-01',
  });
  const executive = await call('directories.signatories.save', {
    position: 'Керуючий справами виконавчого комітету',
    fullName: 'Ігор ҐУДЗЬ',
    seal: 'executive_committee',
    sealName: 'Виконавчий комітет Глухівської міської ради',
    validFrom: '2020-01-01',
  });
  return { journalId: setup.journalId, officeId: setup.officeId, signatoryId: signatory.id, executiveSignatoryId: executive.id };
}
