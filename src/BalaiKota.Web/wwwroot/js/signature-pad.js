// A finger (or mouse) draws on the canvas; the component reads the drawing back as a PNG.
const pads = new WeakMap();

export function attach(canvas) {
    const context = canvas.getContext("2d");
    const state = { drawn: false, last: null };
    pads.set(canvas, state);

    // Turning the tablet resizes the pad; a resized canvas is blank, so the signer signs again where the finger is.
    const resize = () => {
        const ratio = window.devicePixelRatio || 1;
        if (canvas.width === Math.round(canvas.clientWidth * ratio) && canvas.height === Math.round(canvas.clientHeight * ratio)) {
            return;
        }
        canvas.width = Math.round(canvas.clientWidth * ratio);
        canvas.height = Math.round(canvas.clientHeight * ratio);
        context.scale(ratio, ratio);
        context.lineWidth = 2.5;
        context.lineCap = "round";
        context.lineJoin = "round";
        context.strokeStyle = "#1a237e";
        state.drawn = false;
    };
    const point = e => {
        const box = canvas.getBoundingClientRect();
        return { x: e.clientX - box.left, y: e.clientY - box.top };
    };
    canvas.addEventListener("pointerdown", e => {
        canvas.setPointerCapture(e.pointerId);
        state.last = point(e);
    });
    canvas.addEventListener("pointermove", e => {
        if (!state.last) {
            return;
        }
        const next = point(e);
        context.beginPath();
        context.moveTo(state.last.x, state.last.y);
        context.lineTo(next.x, next.y);
        context.stroke();
        state.last = next;
        state.drawn = true;
    });
    const end = () => { state.last = null; };
    canvas.addEventListener("pointerup", end);
    canvas.addEventListener("pointercancel", end);
    resize();
    new ResizeObserver(resize).observe(canvas);
}

export function clear(canvas) {
    const context = canvas.getContext("2d");
    context.save();
    context.setTransform(1, 0, 0, 1, 0, 0);
    context.clearRect(0, 0, canvas.width, canvas.height);
    context.restore();
    pads.get(canvas).drawn = false;
}

// Empty when nothing was drawn: an untouched pad is not a signature. The image is taken at the pad's CSS size, not
// the screen's pixel density, so it stays a few kilobytes and fits one message to the server.
export function toPngBase64(canvas) {
    if (!pads.get(canvas)?.drawn) {
        return "";
    }
    const copy = document.createElement("canvas");
    copy.width = canvas.clientWidth;
    copy.height = canvas.clientHeight;
    copy.getContext("2d").drawImage(canvas, 0, 0, copy.width, copy.height);
    return copy.toDataURL("image/png").split(",")[1];
}
