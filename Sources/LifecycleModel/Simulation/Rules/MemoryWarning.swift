extension Transition {
    /// A memory warning ([A-mem], DOC): running apps only; suspended or not-running
    /// apps get nothing (a 200 with no callbacks).
    mutating func memoryWarning() {
        guard state.app.isExecuting else { return }
        call(.appDelegate(.didReceiveMemoryWarning))
        viewControllersReceiveMemoryWarning()
        postMemoryWarning()
    }
}
