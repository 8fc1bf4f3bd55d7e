-- One transaction of the same shape as an order placement (POST /api/v1/orders), in its own pb_* tables:
-- idempotency row, order row, two lines, two guarded stock reservations (hot rows: 7 SKUs at one location,
-- updated in SKU order like the harness's 2-line orders), an outbox row, then the status change to ReadyToFulfill.
\set a random(1, 7)
\set b (:a % 7) + 1
\set lo least(:a, :b)
\set hi greatest(:a, :b)
BEGIN;
INSERT INTO pb_idempotency (key, request_hash, created_at) VALUES (gen_random_uuid()::text, md5(random()::text), now());
INSERT INTO pb_orders (number, email, region, status, subtotal, currency, created_at)
  VALUES ('PB-' || :client_id || '-' || nextval('pb_order_number'), 'pb-' || :client_id || '@bench.example', 'CA', 'Received', 55.00, 'USD', now())
  RETURNING id \gset
INSERT INTO pb_order_lines (order_id, line_no, sku_id, quantity, unit_price) VALUES (:id, 1, :lo, 1, 25.00), (:id, 2, :hi, 1, 30.00);
UPDATE pb_stock SET reserved = reserved + 1, version = version + 1 WHERE sku_id = :lo AND location = 'NAPA-WH' AND on_hand - reserved >= 1;
UPDATE pb_stock SET reserved = reserved + 1, version = version + 1 WHERE sku_id = :hi AND location = 'NAPA-WH' AND on_hand - reserved >= 1;
INSERT INTO pb_outbox (id, type, payload, occurred_at) VALUES (gen_random_uuid(), 'OrderPlacedIntegrationEvent', '{"orderId":' || :id || '}', now());
UPDATE pb_orders SET status = 'ReadyToFulfill' WHERE id = :id;
COMMIT;
