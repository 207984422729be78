import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import fontkit from '@pdf-lib/fontkit'
import { PDFDocument, rgb } from 'pdf-lib'
import QRCode from 'qrcode'
import type { CounterDossierRow } from './enrolment.table.js'

// DejaVu Sans (npm dejavu-fonts-ttf) has every Vietnamese letter; pdf-lib's standard fonts have none.
const FONT = createRequire(import.meta.url).resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf')
let font: Promise<Buffer> | undefined

const DOCUMENT_LABELS: Record<string, string> = {
  driving_licence: 'Giấy phép lái xe',
  vehicle_registration: 'Đăng ký xe',
  health_insurance: 'Bảo hiểm y tế',
  social_insurance: 'Bảo hiểm xã hội',
  tax_code: 'Mã số thuế',
}

const linesOf = (d: CounterDossierRow): Array<[string, string]> => [
  ['Số hồ sơ / Dossier no.', d.number],
  ['Mã hồ sơ / Dossier id', d.id],
  ['Loại / Kind', d.kind === 'CITIZEN_L2_COUNTER' ? 'Công dân, mức độ 2' : 'Người nước ngoài, mức độ 2'],
  ['Họ và tên / Full name', d.full_name],
  [d.kind === 'CITIZEN_L2_COUNTER' ? 'Số định danh cá nhân' : 'Số định danh người nước ngoài', d.subject_id],
  ['Ngày sinh / Date of birth', d.date_of_birth],
  ['Số điện thoại (chính chủ)', d.phone],
  ['Thư điện tử / E-mail', d.email ?? '—'],
  ['Giấy tờ tích hợp', d.documents.map((k) => DOCUMENT_LABELS[k] ?? k).join(', ') || '—'],
  [
    'Cấp thẻ căn cước kèm theo',
    d.card_request ? `${d.card_request.kind} (${d.card_request.reason})` : 'Không',
  ],
  ['Nơi tiếp nhận / Received at', `${d.unit_code} — cán bộ ${d.received_by_number}`],
  ['Ngày tiếp nhận / Received on', d.received_on ?? '—'],
  ['Hẹn trả kết quả / Due on', d.due_on ?? '—'],
]

/**
 * The registration slip (phiếu tiếp nhận) the citizen signs and keeps: the TK01 fields, the dates and a QR
 * to the dossier in the officer portal. The dossier id is also the PDF's subject, for machines.
 */
export const registrationSlip = async (
  d: CounterDossierRow,
  publicUrl: string,
  at: Date,
): Promise<Uint8Array> => {
  const pdf = await PDFDocument.create()
  pdf.registerFontkit(fontkit)
  font ??= readFile(FONT)
  const regular = await pdf.embedFont(await font, { subset: true })
  pdf.setTitle(`Phiếu tiếp nhận hồ sơ ${d.number}`)
  pdf.setSubject(d.id)
  pdf.setCreator('dinhdanh')
  pdf.setCreationDate(at)
  pdf.setModificationDate(at)
  const page = pdf.addPage([595, 842])
  const ink = rgb(0.1, 0.1, 0.1)
  page.drawText('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { x: 150, y: 800, size: 12, font: regular, color: ink })
  page.drawText('Độc lập - Tự do - Hạnh phúc', { x: 215, y: 784, size: 11, font: regular, color: ink })
  page.drawText('PHIẾU TIẾP NHẬN HỒ SƠ ĐĂNG KÝ TÀI KHOẢN ĐỊNH DANH ĐIỆN TỬ (TK01)', {
    x: 60,
    y: 748,
    size: 12,
    font: regular,
    color: ink,
  })
  let y = 710
  for (const [label, value] of linesOf(d)) {
    page.drawText(`${label}:`, { x: 50, y, size: 10, font: regular, color: ink })
    page.drawText(value, { x: 240, y, size: 10, font: regular, color: ink })
    y -= 20
  }
  page.drawText('Người đăng ký (ký, ghi rõ họ tên)', {
    x: 60,
    y: y - 30,
    size: 10,
    font: regular,
    color: ink,
  })
  page.drawText('Cán bộ tiếp nhận', { x: 380, y: y - 30, size: 10, font: regular, color: ink })
  const qr = await QRCode.toBuffer(`${publicUrl}/officer/dossiers/${d.id}`, {
    type: 'png',
    margin: 1,
    width: 240,
  })
  const image = await pdf.embedPng(qr)
  page.drawImage(image, { x: 440, y: 720, width: 110, height: 110 })
  return pdf.save()
}
