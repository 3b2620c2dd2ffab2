import { Type, type Static } from '@sinclair/typebox';

/** Gate verification request and answer, for the API to publish. */
export const GateVerifyRequestSchema = Type.Object(
  {
    token: Type.String({ maxLength: 4096, description: 'The text decoded from the QR code (a compact JWS)' }),
  },
  {
    additionalProperties: false,
    $id: 'GateVerifyRequest',
    examples: [{ token: 'eyJhbGciOiJFZERTQSIsImtpZCI6ImsxIn0.eyJqdGkiOiJ4In0.c2lnbmF0dXJl' }],
  },
);

export const GateVerificationSchema = Type.Object(
  {
    verdict: Type.Union([
      Type.Literal('valid'),
      Type.Literal('red_channel'),
      Type.Literal('expired'),
      Type.Literal('tampered'),
      Type.Literal('unknown_key'),
      Type.Literal('malformed'),
      Type.Literal('replay'),
    ]),
    reason: Type.String(),
    reasons: Type.Optional(
      Type.Array(
        Type.Object({
          code: Type.String({ description: 'GATE.DUTY_PAYABLE, GATE.OFFICER_ASSESSMENT, GATE.WATCH_RULE or GATE.DECLARED_YES' }),
          message: Type.String(),
          params: Type.Optional(Type.Record(Type.String(), Type.Union([Type.String(), Type.Number()]))),
        }),
        { description: 'With red_channel: why the traveller goes to the red channel' },
      ),
    ),
    kid: Type.Optional(Type.String()),
    claims: Type.Optional(
      Type.Object({
        jti: Type.String(),
        iat: Type.Integer(),
        exp: Type.Integer(),
        did: Type.String({ description: 'Declaration id' }),
        dig: Type.String({ description: 'SHA-256 (base64url) of the declaration canonical JSON' }),
        arr: Type.String({ description: 'Arrival: <flight>/<date>' }),
        red: Type.Optional(Type.Array(Type.String(), { description: 'Red-channel reasons that follow from the declaration: D duty, O officer assessment, Y0–Y5 a question answered yes' })),
        duty: Type.Optional(Type.Integer({ description: 'Duty and taxes payable, yen' })),
      }),
    ),
  },
  { $id: 'GateVerification' },
);

export type GateVerifyRequest = Static<typeof GateVerifyRequestSchema>;
export type GateVerification = Static<typeof GateVerificationSchema>;
