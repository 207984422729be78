import { vietnamDateOf } from '@dinhdanh/vn-id'
import type { Db } from '../../database.js'
import type { Clock } from '../../platform/clock.js'
import { enqueueNotification } from '../../platform/notify/index.js'
import type { ApplicationRow } from './onboarding.table.js'

/** The appraisal's outcomes the organisation is told of (D69 Art 18: a refusal is answered in writing, with reasons). */
export type ApplicationDecision =
  | 'approved'
  | 'refused'
  | 'suspended'
  | 'reinstated'
  | 'dependents_allowed'
  | 'dependents_disallowed'

type Notice = { vi: { subject: string; lines: string[] }; en: { subject: string; lines: string[] } }

const dmy = (iso: string) => iso.split('-').reverse().join('/')

const noticeOf = (
  decision: ApplicationDecision,
  r: Pick<ApplicationRow, 'id' | 'service_name'>,
  on: string,
  reason: string | undefined,
  consoleUrl: string,
): Notice => {
  const service = `"${r.service_name}"`
  const because = (vi: string, en: string) => ({
    vi: reason ? [`${vi}: ${reason}`] : [],
    en: reason ? [`${en}: ${reason}`] : [],
  })
  switch (decision) {
    case 'approved':
      return {
        vi: {
          subject: 'Hồ sơ kết nối đã được chấp thuận',
          lines: [
            `Hồ sơ đề nghị kết nối dịch vụ ${service} với hệ thống định danh và xác thực điện tử (mã hồ sơ ${r.id}) đã được chấp thuận ngày ${dmy(on)}.`,
            `Người nộp hồ sơ đăng nhập ${consoleUrl} để nhận thông tin xác thực (client_id, client_secret); mật khẩu ứng dụng chỉ hiển thị một lần.`,
          ],
        },
        en: {
          subject: 'Connection application approved',
          lines: [
            `The application to connect ${service} to the electronic identification and authentication system (application ${r.id}) was approved on ${on}.`,
            `The applicant collects the client credentials at ${consoleUrl}; the secret is shown once.`,
          ],
        },
      }
    case 'refused': {
      const why = because('Lý do', 'Reason')
      return {
        vi: {
          subject: 'Hồ sơ kết nối không được chấp thuận',
          lines: [
            `Hồ sơ đề nghị kết nối dịch vụ ${service} (mã hồ sơ ${r.id}) không được chấp thuận ngày ${dmy(on)}.`,
            ...why.vi,
            'Tổ chức có thể khắc phục và nộp hồ sơ mới.',
          ],
        },
        en: {
          subject: 'Connection application refused',
          lines: [
            `The application to connect ${service} (application ${r.id}) was refused on ${on}.`,
            ...why.en,
            'The organisation may address the reasons and apply again.',
          ],
        },
      }
    }
    case 'suspended': {
      const why = because('Lý do', 'Reason')
      return {
        vi: {
          subject: 'Kết nối đã bị tạm dừng',
          lines: [
            `Kết nối của dịch vụ ${service} (mã hồ sơ ${r.id}) đã bị tạm dừng từ ngày ${dmy(on)}: công dân không đăng nhập được và các mã truy cập đã cấp ngừng hiệu lực.`,
            ...why.vi,
          ],
        },
        en: {
          subject: 'Connection suspended',
          lines: [
            `The connection of ${service} (application ${r.id}) is suspended from ${on}: citizens cannot log in and the tokens issued stop working.`,
            ...why.en,
          ],
        },
      }
    }
    case 'reinstated': {
      const why = because('Ghi chú', 'Note')
      return {
        vi: {
          subject: 'Kết nối đã được khôi phục',
          lines: [
            `Kết nối của dịch vụ ${service} (mã hồ sơ ${r.id}) đã được khôi phục ngày ${dmy(on)}.`,
            ...why.vi,
          ],
        },
        en: {
          subject: 'Connection reinstated',
          lines: [`The connection of ${service} (application ${r.id}) was reinstated on ${on}.`, ...why.en],
        },
      }
    }
    case 'dependents_allowed': {
      const why = because('Lý do', 'Reason')
      return {
        vi: {
          subject: 'Cho phép đăng nhập thay cho người phụ thuộc',
          lines: [
            `Từ ngày ${dmy(on)}, cha, mẹ hoặc người giám hộ được đăng nhập dịch vụ ${service} (mã hồ sơ ${r.id}) thay cho con chưa đủ 14 tuổi hoặc người được giám hộ của mình.`,
            ...why.vi,
          ],
        },
        en: {
          subject: 'Signing in for dependents allowed',
          lines: [
            `From ${on}, a parent or guardian may sign in to ${service} (application ${r.id}) for a child under 14 or a ward they represent.`,
            ...why.en,
          ],
        },
      }
    }
    case 'dependents_disallowed': {
      const why = because('Lý do', 'Reason')
      return {
        vi: {
          subject: 'Không còn cho phép đăng nhập thay cho người phụ thuộc',
          lines: [
            `Từ ngày ${dmy(on)}, dịch vụ ${service} (mã hồ sơ ${r.id}) không còn được đăng nhập thay cho người phụ thuộc: các mã truy cập đã cấp cho người phụ thuộc ngừng hiệu lực.`,
            ...why.vi,
          ],
        },
        en: {
          subject: 'Signing in for dependents no longer allowed',
          lines: [
            `From ${on}, ${service} (application ${r.id}) no longer lets anyone sign in for a dependent: the tokens issued for dependents stop working.`,
            ...why.en,
          ],
        },
      }
    }
  }
}

/**
 * Tells the organisation's contact of a decision by e-mail, Vietnamese first then English, through the
 * outbox inside the decision's own transaction: sent if and only if the decision commits.
 */
export const noticeDecision = (
  trx: Db,
  deps: { clock: Clock; config: { publicUrl: string } },
  r: Pick<ApplicationRow, 'id' | 'service_name' | 'org_name' | 'contact_email'>,
  decision: ApplicationDecision,
  reason?: string,
) => {
  const on = vietnamDateOf(deps.clock.now())
  const n = noticeOf(decision, r, on, reason, `${deps.config.publicUrl}/developers`)
  const body = [
    `Kính gửi ${r.org_name},`,
    '',
    ...n.vi.lines,
    '',
    'Cơ quan quản lý định danh và xác thực điện tử',
    '',
    '---',
    '',
    `Dear ${r.org_name},`,
    '',
    ...n.en.lines,
    '',
    'Electronic identification and authentication management agency',
  ].join('\n')
  return enqueueNotification(trx, deps.clock, {
    channel: 'email',
    recipient: r.contact_email,
    template: `oidc.application.${decision}`,
    subject: `${n.vi.subject} / ${n.en.subject}`,
    body,
    data: { applicationId: r.id, decision },
  })
}
